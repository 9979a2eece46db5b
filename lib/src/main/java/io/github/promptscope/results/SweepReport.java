package io.github.promptscope.results;

import java.util.List;

/**
 * What a sweep did.
 *
 * @param ran     records written by this invocation, done and failed
 * @param skipped ids that already had a completed record
 * @param busy    ids left to another worker that held their claim (or finished them meanwhile)
 */
public record SweepReport(List<RunRecord> ran, List<String> skipped, List<String> busy) {

    public SweepReport {
        ran = List.copyOf(ran);
        skipped = List.copyOf(skipped);
        busy = List.copyOf(busy);
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
