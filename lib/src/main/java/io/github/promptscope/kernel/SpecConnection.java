package io.github.promptscope.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.MessageContext;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/** basekernel's connection, with every shell and control request answered through a {@link SpecReplyEnvironment}. */
final class SpecConnection extends JupyterConnection {

    SpecConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel channel, MessageContext context) {
        return new SpecReplyEnvironment(channel, stdin, getIOPub(), context);
    }
}
