package io.github.promptscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "ptuning", mixinStandardHelpOptions = true,
        subcommands = {PTuningTrainCommand.class, PTuningEvalCommand.class, PTuningBootstrapCommand.class,
                PTuningBaseModelCommand.class, PTuningExperimentCommand.class},
        description = {"Continuous prompt tuning (P-tuning, and the Japanese study's new design): train prompt vectors",
                "for a frozen model, evaluate them, read them through their nearest vocabulary tokens."})
final class PTuningCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
