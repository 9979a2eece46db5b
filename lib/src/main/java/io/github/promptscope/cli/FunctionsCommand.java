package io.github.promptscope.cli;

import picocli.CommandLine.Command;

@Command(name = "functions", mixinStandardHelpOptions = true,
        subcommands = {FunctionsPrepareCommand.class, FunctionsFinetuneCommand.class, FunctionsEvalCommand.class,
                FunctionsCheckBaseCommand.class},
        description = {"Functions and Mixture of Functions (Treutlein et al. 2024, inductive out-of-context reasoning):",
                "finetune on Python-interpreter chats that call hidden functions, then ask what the functions are."})
final class FunctionsCommand extends CommandGroup {
}
