package io.github.promptscope.search;

import io.github.promptscope.util.Interrupts;
import io.github.promptscope.util.Progress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The loop every prompt search runs: epochs over the rows, each shuffled with the search's own
 * generator (the reference's DataLoader with shuffle=True), one step per batch, and after each step
 * the checks that may end the search, in this order: the method's convergence (early stopping), the
 * datapoint limit, the {@link Budget}'s steps, then its wall time. An interrupt (a notebook's stop
 * button) ends the search between steps; a progress bar shows the step and the method's status.
 *
 * <p>The loop draws from the generator only to shuffle each epoch, before the epoch's first step,
 * so a method's own draws interleave with it exactly as when each method carried its own loop.
 */
final class SearchLoop {

    /** One step's outcome: a status for the progress bar and whether the method has converged. */
    record StepReport(String status, boolean converged) {}

    /** A method's step on one batch; {@code step} counts from 0. */
    @FunctionalInterface
    interface Step {
        StepReport run(int step, List<DataRows.Row> batch);
    }

    /** How a loop ended: steps taken and why ("epochs", "early_stopping", "datapoints", "steps", "time"). */
    record Outcome(int steps, String stopReason) {}

    private final String name;
    private final int batchSize;
    private final int epochs;
    private final long maxDatapoints;

    /**
     * @param name shown on the progress bar
     * @param maxDatapoints stop once more rows than this have been stepped over (Long.MAX_VALUE: never)
     */
    SearchLoop(String name, int batchSize, int epochs, long maxDatapoints) {
        this.name = name;
        this.batchSize = batchSize;
        this.epochs = epochs;
        this.maxDatapoints = maxDatapoints;
    }

    Outcome run(List<DataRows.Row> rows, Random rng, Budget budget, Step step) {
        long deadline = System.nanoTime() + Math.min(budget.maxTime().toNanos(), Long.MAX_VALUE / 4);
        long batchesPerEpoch = (rows.size() + batchSize - 1) / batchSize;
        long total = Math.min(budget.maxSteps(), epochs * batchesPerEpoch);
        int steps = 0;
        long datapoints = 0;
        try (Progress bar = Progress.start(name, total, 0)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                List<DataRows.Row> order = new ArrayList<>(rows);
                Collections.shuffle(order, rng);
                for (int from = 0; from < order.size(); from += batchSize) {
                    Interrupts.check();
                    List<DataRows.Row> batch = order.subList(from, Math.min(order.size(), from + batchSize));
                    StepReport report = step.run(steps, batch);
                    steps++;
                    datapoints += batch.size();
                    bar.update(steps, report.status());
                    if (report.converged()) {
                        return new Outcome(steps, "early_stopping");
                    }
                    if (datapoints > maxDatapoints) {
                        return new Outcome(steps, "datapoints");
                    }
                    if (steps >= budget.maxSteps()) {
                        return new Outcome(steps, "steps");
                    }
                    if (System.nanoTime() > deadline) {
                        return new Outcome(steps, "time");
                    }
                }
            }
        }
        return new Outcome(steps, "epochs");
    }
}
