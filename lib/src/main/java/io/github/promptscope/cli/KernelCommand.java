package io.github.promptscope.cli;

import io.github.promptscope.kernel.KernelLauncher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code promptscope kernel CONNECTION_FILE}: the Jupyter kernel (started by Jupyter from the kernelspec). */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Run the Java notebook kernel on a Jupyter connection file (Jupyter starts this; see environment/setup).")
public final class KernelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONNECTION_FILE", description = "Connection file written by Jupyter.")
    Path connectionFile;

    @Override
    public Integer call() throws Exception {
        KernelLauncher.run(connectionFile);
        return 0;
    }
}
