package io.github.promptscope.cli;

import io.github.promptscope.experiments.SentimentExperiment;
import io.github.promptscope.experiments.SentimentTables;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.plots.Tables;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.util.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = {"The paper's sentiment experiment: held-out accuracy (single-token masked, prompt after the input) "
                + "of no prompt, three human-written prompts and iPrompt's best prompt (searched per seed and prompt "
                + "length, answer mask on, 1 shot), one record each; prints the table with the paper's numbers.",
                "Records already written are skipped, so an interrupted run resumes.",
                "Files under --data-dir: sst2.tsv, imdb.csv, rotten_tomatoes.jsonl, financial_phrasebank.txt "
                        + "(formats in DATASETS.md)."})
final class SentimentCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the records go, e.g. results/sentiment.")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder with the corpora's files (not needed for synthetic).")
    Path dataDir;

    @Option(names = "--datasets", split = ",", defaultValue = "synthetic",
            description = "synthetic, sst2, imdb, rotten_tomatoes, financial_phrasebank (default ${DEFAULT-VALUE}).")
    List<String> datasets;


    @Option(names = "--tokens", split = ",", defaultValue = "6,12", description = "iPrompt prompt lengths (default ${DEFAULT-VALUE}).")
    List<Integer> tokens;


    @Option(names = "--max-test", defaultValue = "" + SentimentExperiment.PAPER_TEST_ROWS,
            description = "Held-out rows per dataset and seed (default ${DEFAULT-VALUE}, the paper's).")
    int maxTest;

    @Mixin
    SearchRunOptions run;

    @Mixin
    ModelOption model;

    @Override
    public Integer call() {
        // The report below replaces the inner searches' progress; scoped, so a notebook's next call still shows its own.
        try (Progress.Off quiet = Progress.off(); LanguageModel lm = model.load()) {
            RecordStore store = RecordStore.at(out);
            SentimentExperiment exp = SentimentExperiment.of(lm).dataDir(dataDir).datasets(datasets.toArray(String[]::new))
                    .seeds(run.seeds())
                    .tokens(tokens.stream().mapToInt(Integer::intValue).toArray()).steps(run.steps).maxTest(maxTest);
            SweepReport report = exp.run(store);
            System.out.printf("%d runs done, %d skipped (already recorded), %d failed%n", report.done().size(),
                    report.skipped().size(), report.failed().size());
            report.failed().forEach(f -> System.out.println("  failed: " + f.config().dataset() + " "
                    + f.config().method() + " seed " + f.config().seed() + ": " + f.error().message()));
            for (Table t : SentimentTables.all(store.dir())) {
                System.out.println(Tables.toText(t));
            }
            return report.failed().isEmpty() ? 0 : 1;
        }
    }
}
