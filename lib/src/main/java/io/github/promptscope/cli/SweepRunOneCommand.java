package io.github.promptscope.cli;

import io.github.promptscope.experiments.SweepWorker;
import io.github.promptscope.results.SweepPlan;
import io.github.promptscope.util.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run-one", mixinStandardHelpOptions = true,
        description = {"Run the configurations of one array task of a sweep manifest (what a SLURM array task does).",
                "Each is claimed, run and recorded (done, or failed with its error); done or claimed ones are left alone."})
final class SweepRunOneCommand implements Callable<Integer> {

    @Option(names = "--manifest", required = true, description = "The sweep's manifest.json.")
    Path manifest;

    @Option(names = "--index", required = true, description = "Array task index ($SLURM_ARRAY_TASK_ID).")
    int index;

    @Option(names = "--chunk", defaultValue = "1", description = "Configurations per array task (default ${DEFAULT-VALUE}).")
    int chunk;

    @Override
    public Integer call() {
        SweepPlan plan = SweepPlan.read(manifest);
        List<SweepWorker.Outcome> outcomes;
        try (Progress.Off quiet = Progress.off()) { // a batch job: no bars in the SLURM log
            outcomes = SweepWorker.run(plan, index, chunk);
        }
        boolean failed = false;
        for (SweepWorker.Outcome o : outcomes) {
            String what = o.index() + " " + o.config().id() + " " + o.config().dataset() + " " + o.config().method()
                    + " seed " + o.config().seed() + ": ";
            if (o.record().isEmpty()) {
                System.out.println(what + "skipped (already recorded, or running elsewhere)");
            } else if (o.record().get().isDone()) {
                System.out.println(what + "done -> " + plan.store().path(o.config().id()));
            } else {
                failed = true;
                System.out.println(what + "FAILED: " + o.record().get().error().type() + ": "
                        + o.record().get().error().message());
            }
        }
        return failed ? 1 : 0;
    }
}
