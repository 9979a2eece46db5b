package io.github.promptscope.cli;

import io.github.promptscope.experiments.GeneralizationSweep;
import io.github.promptscope.experiments.GeneralizationTables;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.plots.Tables;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.util.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "generalize", mixinStandardHelpOptions = true,
        description = {"Accuracy on held-out rows of the model prompted with each task's true description, each method's "
                + "top prompt from a sweep's records (per seed), and no prompt: containment (greedy or --beams, --new-tokens) and "
                + "single-token masked scoring, one record each; prints the tables with the paper's numbers.",
                "Records already written are skipped, so an interrupted run resumes."})
final class GeneralizeCommand implements Callable<Integer> {

    @Option(names = "--records", required = true, paramLabel = "DIR",
            description = "A sweep's records, e.g. results/math_recovery.")
    Path records;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where the records go, e.g. results/math_generalization.")
    Path out;

    @Mixin
    ModelOption model;

    @Option(names = "--max-test", defaultValue = "0",
            description = "At most this many held-out rows per task and seed (default 0: all).")
    int maxTest;

    @Option(names = "--new-tokens", defaultValue = "" + GeneralizationSweep.PAPER_NEW_TOKENS,
            description = "Tokens generated for containment scoring (default ${DEFAULT-VALUE}, the paper's).")
    int newTokens;

    @Option(names = "--beams", defaultValue = "1",
            description = "Beams of the containment decoding (default ${DEFAULT-VALUE}: greedy; the paper used 4).")
    int beams;

    @Override
    public Integer call() {
        // The report below replaces the inner searches' progress; scoped, so a notebook's next call still shows its own.
        try (Progress.Off quiet = Progress.off(); LanguageModel lm = model.load()) {
            RecordStore store = RecordStore.at(out);
            SweepReport report = GeneralizationSweep.of(lm, records).maxTest(maxTest).maxNewTokens(newTokens).beams(beams)
                    .run(store);
            System.out.printf("%d evaluations done, %d skipped (already recorded), %d failed%n", report.done().size(),
                    report.skipped().size(), report.failed().size());
            report.failed().forEach(f -> System.out.println("  failed: " + f.config().dataset() + " "
                    + f.config().method() + " seed " + f.config().seed() + ": " + f.error().message()));
            Table runs = Results.load(store.dir());
            for (String metric : new String[] {GeneralizationSweep.CONTAINMENT, GeneralizationSweep.MASKED}) {
                Table byTask = GeneralizationTables.byTask(runs, metric);
                if (byTask.isEmpty()) {
                    System.out.println(metric + ": no task has two or more distinct first answer tokens on this model "
                            + "(every answer starts with the same token), so single-token scoring is trivially right "
                            + "and is not tabulated; the records keep it with masked_choices");
                    continue;
                }
                System.out.println(Tables.toText(byTask));
                System.out.println(Tables.toText(GeneralizationTables.byCollection(runs, metric)));
            }
            return report.failed().isEmpty() ? 0 : 1;
        }
    }
}
