package io.github.promptscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./promptscope COMMAND ...}: the command-line face of the library. */
@Command(
        name = "promptscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Language models that explain patterns: in a dataset, a neuron, a learned function, a tuned prompt.",
        subcommands = {ExplainCommand.class, SweepCommand.class, DatasetsCommand.class, LogprobsCommand.class,
                GenerateCommand.class, GeneralizeCommand.class, SentimentCommand.class, VoxelsCommand.class, TrainCommand.class,
                EvaluateModelCommand.class, BenchCommand.class, KernelCommand.class, ServeCommand.class, NeuronsCommand.class,
                FunctionsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // Bad input is the user's to fix: say what was wrong, not a stack trace.
                    cmd.getErr().println("promptscope " + cmd.getCommandName() + ": " + e.getMessage());
                    if (System.getenv("PROMPTSCOPE_DEBUG") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 1;
                });
    }
}
