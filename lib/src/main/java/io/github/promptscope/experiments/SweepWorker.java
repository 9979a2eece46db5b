package io.github.promptscope.experiments;

import io.github.promptscope.lm.Dtype;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.SweepPlan;
import io.github.promptscope.results.SweepRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs configurations of a manifest in this process: what a SLURM array task does
 * ({@code promptscope sweep run-one --manifest M --index I}). Each configuration is claimed, run and
 * recorded as the local runner does (done, or failed with its error); one that fails does not stop
 * the others, and one already done or claimed by another worker is left alone.
 */
public final class SweepWorker {

    private SweepWorker() {}

    /** What one configuration came to: its record, or empty when it was done or busy elsewhere. */
    public record Outcome(int index, RunConfig config, Optional<RunRecord> record) {}

    /** Runs the configurations of array task {@code task} ({@code chunk} per task) of the plan. */
    public static List<Outcome> run(SweepPlan plan, int task, int chunk) {
        int n = plan.configs().size();
        if (task < 0 || task * chunk >= n) {
            throw new IllegalArgumentException("array task " + task + " (chunk " + chunk + ") is outside the manifest's "
                    + n + " configurations");
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = task * chunk; i < Math.min(n, (task + 1) * chunk); i++) {
            indices.add(i);
        }
        SweepRunner runner = SweepRunner.into(plan.store()).progressBar(false);
        runner.removeOrphans();
        List<Outcome> out = new ArrayList<>();
        if (indices.stream().allMatch(i -> plan.store().isDone(plan.configs().get(i)))) {
            indices.forEach(i -> out.add(new Outcome(i, plan.configs().get(i), Optional.empty())));
            return out; // nothing to do: do not load the model
        }
        try (Kind kind = kind(plan)) {
            for (int i : indices) {
                RunConfig c = plan.configs().get(i);
                out.add(new Outcome(i, c, runner.runClaimed(c, kind.run)));
            }
        } catch (RuntimeException e) {
            if (!out.isEmpty()) {
                throw e;
            }
            // the sweep's code could not even start (model missing, unknown kind): record why, per configuration
            for (int i : indices) {
                RunConfig c = plan.configs().get(i);
                out.add(new Outcome(i, c, runner.runClaimed(c, x -> {
                    throw e;
                })));
            }
        }
        return out;
    }

    /** A sweep kind's in-process runner and what it holds open (the model). */
    private record Kind(SweepRunner.Run run, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + resource + ": " + e.getMessage(), e);
            }
        }
    }

    private static Kind kind(SweepPlan plan) {
        if (plan.kind().equals(RecoverySweep.KIND)) {
            LanguageModel lm = LanguageModel.load(Path.of(plan.settings().path("model").asText()),
                    Dtype.parse(plan.settings().path("dtype").asText("float32")));
            return new Kind(RecoverySweep.fromSettings(plan.settings(), lm).runner(), lm);
        }
        throw new IllegalArgumentException("unknown sweep kind \"" + plan.kind() + "\" (known: " + RecoverySweep.KIND + ")");
    }
}
