package io.github.promptscope.cli;

import io.github.promptscope.data.TuningTaskFile;
import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.data.tuning.TuningTasks;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a P-tuning run's task comes from: a registered task, or the user's JSON Lines file and prompt. */
final class PTuningTaskOption {

    @Option(names = "--task", paramLabel = "NAME", description = "A registered task (e.g. toy-nli).")
    String name;

    @Option(names = "--task-file", paramLabel = "FILE",
            description = "Your own task: JSON Lines with \"query\", \"answer\" and \"split\" (train, dev or test) per line.")
    Path file;

    @Option(names = "--task-seed", defaultValue = "0", description = "Seed of a registered task's splits (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--prompt", paramLabel = "BEFORE|BETWEEN",
            description = "With --task-file: the human prompt, its part before the query and its part between query "
                    + "and answer, split at the first '|' (p and q tokens; the new design's anchors and the hard prompt).")
    String prompt;

    @Option(names = "--rouge", description = "With --task-file: score answers by ROUGE-1/2/L instead of exact match.")
    boolean rouge;

    TuningTask load() {
        if ((name == null) == (file == null)) {
            throw new IllegalArgumentException("give exactly one of --task NAME or --task-file FILE");
        }
        if (name != null) {
            if (prompt != null || rouge) {
                throw new IllegalArgumentException("--prompt and --rouge go with --task-file; a registered task has its own");
            }
            return TuningTasks.named(name, seed);
        }
        String before = "";
        String between = "";
        if (prompt != null) {
            int bar = prompt.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("--prompt \"" + prompt + "\": write BEFORE|BETWEEN, split at a '|'");
            }
            before = prompt.substring(0, bar);
            between = prompt.substring(bar + 1);
        }
        return TuningTaskFile.read(file, before, between, rouge);
    }
}
