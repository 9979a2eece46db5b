package io.github.promptscope.results;

import java.nio.file.Path;
import java.util.List;

/**
 * What a sweep did.
 *
 * @param ran     records written by this invocation, done and failed
 * @param skipped ids that already had a completed record
 * @param busy    ids left to another worker that held their claim (or finished them meanwhile)
 * @param damaged ids whose record file could not be read, so they were run again
 * @param orphans temporary files left by writers that were killed mid-write, removed before the runs
 */
public record SweepReport(List<RunRecord> ran, List<String> skipped, List<String> busy, List<String> damaged,
                          List<Path> orphans) {

    public SweepReport {
        ran = List.copyOf(ran);
        skipped = List.copyOf(skipped);
        busy = List.copyOf(busy);
        damaged = List.copyOf(damaged);
        orphans = List.copyOf(orphans);
    }

    public SweepReport(List<RunRecord> ran, List<String> skipped, List<String> busy) {
        this(ran, skipped, busy, List.of(), List.of());
    }

    public SweepReport(List<RunRecord> ran, List<String> skipped) {
        this(ran, skipped, List.of());
    }

    public List<RunRecord> failed() {
        return ran.stream().filter(r -> !r.isDone()).toList();
    }

    public List<RunRecord> done() {
        return ran.stream().filter(RunRecord::isDone).toList();
    }
}
