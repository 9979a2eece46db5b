package io.github.promptscope.cli;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.experiments.RecoverySweep;
import io.github.promptscope.plots.Tables;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.results.SweepPlan;
import io.github.promptscope.results.cluster.Submission;
import io.github.promptscope.util.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        subcommands = {SweepRunOneCommand.class, SweepStatusCommand.class},
        description = {"Run every task x method x seed, one run record each, then print the recovery table.",
                "Runs already recorded are skipped, so an interrupted sweep resumes where it stopped.",
                "With --slurm, submit them to SLURM as a job array instead (see `sweep status`)."})
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--tasks", split = ",", defaultValue = "math",
            description = "Task names, or a collection: math (the paper's 10 synthetic-math tasks), anli, induction. Default ${DEFAULT-VALUE}.")
    List<String> tasks;

    @Option(names = "--methods", split = ",", defaultValue = "iprompt,suffix,autoprompt", description = "Default ${DEFAULT-VALUE}.")
    List<String> methods;


    @Option(names = "--experiment", defaultValue = "math_recovery", description = "Records go to RESULTS/EXPERIMENT (default ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--results", defaultValue = "results", description = "Results folder (default ${DEFAULT-VALUE}).")
    Path results;

    @Mixin
    SearchRunOptions run;

    @Mixin
    ModelOption model;


    @Option(names = "--n", defaultValue = "100", description = "Examples generated per task (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--parallel", defaultValue = "1", description = "Runs at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Mixin
    DtypeOption dtype;

    @Mixin
    SlurmOptions slurm;

    @Override
    public Integer call() {
        if (!slurm.slurm && slurm.dryRun) {
            throw new IllegalArgumentException("--dry-run prints the SLURM script: give it with --slurm");
        }
        // the sweep's own bar reports progress; the searches' bars are off while it runs
        try (Progress.Off quiet = Progress.off(); LanguageModel lm = model.load(dtype.get())) {
            RecordStore store = new RecordStore(results, experiment);
            RecoverySweep sweep = RecoverySweep.of(lm).tasks(tasks.toArray(String[]::new))
                    .methods(methods.toArray(String[]::new)).seeds(run.seeds())
                    .steps(run.steps).examples(n).parallelism(parallel);
            if (slurm.slurm) {
                return submit(sweep.plan(store));
            }
            SweepReport report = sweep.run(store);
            System.out.printf("%d runs done, %d skipped (already recorded), %d failed%n", report.done().size(),
                    report.skipped().size(), report.failed().size());
            report.failed().forEach(f -> System.out.println("  failed: " + f.config().dataset() + " "
                    + f.config().method() + " seed " + f.config().seed() + ": " + f.error().message()));
            report.damaged().forEach(id -> System.out.println("  rerun: " + store.path(id)
                    + " was damaged (not a readable run record)"));
            report.orphans().forEach(p -> System.out.println("  removed " + p + " (left by a writer that was killed)"));
            Results.Scan scan = Results.scan(store.dir());
            scan.skipped().forEach(s -> System.out.println("  skipped " + s));
            Table runs = sweep.runs(scan.runs());
            // rounded for reading; the records keep every digit
            System.out.println(Tables.toText(RecoverySweep.mrr(runs)));
            System.out.println(Tables.toText(RecoverySweep.mrrByMethod(runs)));
            System.out.println(Tables.toText(RecoverySweep.correctnessByMethod(runs)));
            return report.failed().isEmpty() ? 0 : 1;
        }
    }

    private int submit(SweepPlan plan) {
        Submission s = slurm.cluster().submit(plan, slurm.resume, slurm.dryRun);
        int n = plan.configs().size();
        if (s.tasks().isEmpty()) {
            System.out.printf("nothing to submit: all %d configurations have a completed record or are queued%n", n);
            return 0;
        }
        if (slurm.dryRun) {
            System.out.print(Files.exists(Path.of(s.script())) ? read(Path.of(s.script())) : "");
            System.err.println("dry run: manifest " + s.manifest() + ", script " + s.script() + " (not submitted)");
            return 0;
        }
        long configs = s.tasks().stream().mapToLong(t -> Submission.configsOf(t, s.chunk(), n).size()).sum();
        System.out.println("Submitted batch job " + s.jobId());
        System.out.printf("%d array tasks, %d of the sweep's %d configurations (%d per task, at most %d at once)%n",
                s.tasks().size(), configs, n, s.chunk(), slurm.maxParallel);
        System.out.println("manifest: " + s.manifest());
        System.out.println("script:   " + s.script());
        System.out.println("logs:     " + plan.folder().resolve("logs") + "/task-<index>.log");
        System.out.println("records:  " + plan.store().dir());
        System.out.println("status:   ./promptscope sweep status --manifest " + s.manifest());
        return 0;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
