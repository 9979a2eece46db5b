package io.github.promptscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code neurons}, {@code functions}, {@code ptuning}): run alone,
 * it prints its usage, listing the subcommands, and exits 0.
 */
abstract class CommandGroup implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
