package io.github.promptscope.cli;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.experiments.RecoverySweep;
import io.github.promptscope.plots.Tables;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.SweepReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every task x method x seed, one run record each, then print the recovery table.",
                "Runs already recorded are skipped, so an interrupted sweep resumes where it stopped."})
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--tasks", split = ",", defaultValue = "math",
            description = "Task names, or math (the paper's 10 synthetic-math tasks). Default ${DEFAULT-VALUE}.")
    List<String> tasks;

    @Option(names = "--methods", split = ",", defaultValue = "iprompt,suffix,autoprompt", description = "Default ${DEFAULT-VALUE}.")
    List<String> methods;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "Default ${DEFAULT-VALUE}.")
    List<Long> seeds;

    @Option(names = "--experiment", defaultValue = "math_recovery", description = "Records go to RESULTS/EXPERIMENT (default ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--results", defaultValue = "results", description = "Results folder (default ${DEFAULT-VALUE}).")
    Path results;

    @Mixin
    ModelOption model;

    @Option(names = "--steps", defaultValue = "30", description = "Most search steps per run (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--n", defaultValue = "100", description = "Examples generated per task (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--parallel", defaultValue = "1", description = "Runs at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Override
    public Integer call() {
        System.setProperty("promptscope.progress", "off"); // the sweep's own bar reports progress
        try (LanguageModel lm = model.load()) {
            RecordStore store = new RecordStore(results, experiment);
            SweepReport report = RecoverySweep.of(lm).tasks(tasks.toArray(String[]::new))
                    .methods(methods.toArray(String[]::new)).seeds(seeds.stream().mapToLong(Long::longValue).toArray())
                    .steps(steps).examples(n).parallelism(parallel).run(store);
            System.out.printf("%d runs done, %d skipped (already recorded), %d failed%n", report.done().size(),
                    report.skipped().size(), report.failed().size());
            report.failed().forEach(f -> System.out.println("  failed: " + f.config().dataset() + " "
                    + f.config().method() + " seed " + f.config().seed() + ": " + f.error().message()));
            Table runs = Results.load(store.dir());
            // rounded for reading; the records keep every digit
            System.out.println(Tables.toText(RecoverySweep.mrr(runs)));
            System.out.println(Tables.toText(RecoverySweep.mrrByMethod(runs)));
            System.out.println(Tables.toText(RecoverySweep.correctnessByMethod(runs)));
            return report.failed().isEmpty() ? 0 : 1;
        }
    }
}
