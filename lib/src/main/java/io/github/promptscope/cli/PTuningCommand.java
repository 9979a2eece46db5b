package io.github.promptscope.cli;

import picocli.CommandLine.Command;

@Command(name = "ptuning", mixinStandardHelpOptions = true,
        subcommands = {PTuningTrainCommand.class, PTuningEvalCommand.class, PTuningBootstrapCommand.class,
                PTuningBaseModelCommand.class, PTuningExperimentCommand.class},
        description = {"Continuous prompt tuning (P-tuning, and the Japanese study's new design): train prompt vectors",
                "for a frozen model, evaluate them, read them through their nearest vocabulary tokens."})
final class PTuningCommand extends CommandGroup {
}
