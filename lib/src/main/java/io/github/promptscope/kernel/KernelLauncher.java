package io.github.promptscope.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the kernel on a Jupyter connection file and blocks until Jupyter shuts it down. */
public final class KernelLauncher {

    private KernelLauncher() {
    }

    public static void run(Path connectionFile) throws Exception {
        String json = Files.readString(connectionFile, StandardCharsets.UTF_8);
        KernelConnectionProperties props = KernelConnectionProperties.parse(json);
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        // basekernel logs every socket loop's start and stop at INFO on loggers named "Loop-..." (JUL);
        // the library itself logs through SLF4J, so the JUL root level only quiets the protocol layer.
        Logger.getLogger("").setLevel(Level.WARNING);
        if (System.getProperty("promptscope.progress") == null) {
            System.setProperty("promptscope.progress", "line"); // one line rewritten in place, not a terminal bar
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        NotebookSession session = new NotebookSession();
        PromptScopeKernel kernel = new PromptScopeKernel(session);
        JupyterConnection connection = new SpecConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }
}
