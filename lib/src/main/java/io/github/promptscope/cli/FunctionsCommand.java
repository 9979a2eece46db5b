package io.github.promptscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "functions", mixinStandardHelpOptions = true,
        subcommands = {FunctionsPrepareCommand.class, FunctionsFinetuneCommand.class, FunctionsEvalCommand.class,
                FunctionsCheckBaseCommand.class},
        description = {"Functions and Mixture of Functions (Treutlein et al. 2024, inductive out-of-context reasoning):",
                "finetune on Python-interpreter chats that call hidden functions, then ask what the functions are."})
final class FunctionsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
