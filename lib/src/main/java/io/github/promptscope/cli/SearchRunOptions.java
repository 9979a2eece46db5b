package io.github.promptscope.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every experiment that runs searches shares ({@code sweep}, {@code sentiment}, {@code voxels}):
 * which seeds, and how many steps each search may take. One place, so the flags read and default alike.
 */
final class SearchRunOptions {

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "Search seeds (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--steps", defaultValue = "30", description = "Most search steps per run (default ${DEFAULT-VALUE}).")
    int steps;

    long[] seeds() {
        return seeds.stream().mapToLong(Long::longValue).toArray();
    }
}
