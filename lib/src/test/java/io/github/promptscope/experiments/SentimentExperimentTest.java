package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Datasets;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.HeldOutAccuracy;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.SweepReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The sentiment experiment: files named when missing, records written once and resumed, the table's columns. */
class SentimentExperimentTest {

    @Test
    void aMissingCorpusFileIsNamedWithTheLayout(@TempDir Path dataDir) {
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> SentimentExperiment.of(lm).datasets("synthetic", "imdb").dataDir(dataDir).configs());
            assertTrue(e.getMessage().startsWith(dataDir.resolve("imdb.csv") + ": no such file"), e.getMessage());
            var noDir = assertThrows(IllegalArgumentException.class, () -> SentimentExperiment.of(lm).datasets("sst2").configs());
            assertTrue(noDir.getMessage().contains("--data-dir") && noDir.getMessage().contains("sst2.tsv"),
                    noDir.getMessage());
            var unknown = assertThrows(IllegalArgumentException.class, () -> SentimentExperiment.of(lm).datasets("yelp"));
            assertTrue(unknown.getMessage().contains("\"yelp\"") && unknown.getMessage().contains("rotten_tomatoes"));
        }
    }

    @Test
    void aFileCorpusIsReadFromTheDataFolder(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("sst2.tsv"), "sentence\tlabel\na joy to watch\t1\na dull mess\t0\n"
                + "wonderful acting\t1\nterrible plot\t0\n");
        var d = SentimentData.dataset(SentimentData.source("sst2"), dataDir, 1, 0);
        assertEquals(4, d.size());
        assertEquals(Set.of(" positive\n", " negative\n"),
                d.examples().stream().map(x -> x.output()).collect(Collectors.toSet()));
        assertTrue(d.examples().stream().anyMatch(x -> x.input().equals("Input: a joy to watch  Output:")));
    }

    @Test
    void aTinySyntheticRunWritesRecordsAndResumes(@TempDir Path root) {
        System.setProperty("promptscope.progress", "off");
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            SentimentExperiment exp = SentimentExperiment.of(lm).datasets("synthetic").seeds(1).tokens(2).steps(1)
                    .examples(40).maxTest(10);
            RecordStore store = new RecordStore(root, "sentiment");
            SweepReport first = exp.run(store, false);
            assertEquals(5, first.done().size(), "none, three human prompts, iPrompt");
            SweepReport again = exp.run(store, false);
            assertEquals(0, again.ran().size());
            assertEquals(5, again.skipped().size());

            Table runs = Results.load(store.dir());
            var test = Datasets.get("sentiment_words", 1, 40).test().subList(0, 10);
            for (int i = 0; i < runs.rowCount(); i++) {
                String method = runs.stringColumn("config.method").get(i);
                assertEquals(2.0, runs.doubleColumn("metrics.masked_choices").get(i), method);
                assertEquals(10.0, runs.doubleColumn("metrics.test_rows").get(i), method);
                if (!method.equals(SentimentExperiment.IPROMPT)) {
                    String prompt = runs.stringColumn("config.params.prompt").get(i);
                    double expected = HeldOutAccuracy.masked(lm, prompt, test, HeldOutAccuracy.Placement.AFTER_INPUT)
                            .accuracy();
                    assertEquals(expected, runs.doubleColumn("metrics.heldout_accuracy").get(i), 1e-12, method);
                }
            }
            Table t = SentimentTables.accuracy(runs);
            assertEquals(java.util.List.of("dataset", "seeds", "none", "human_1", "human_2", "human_3",
                    "iprompt (2 tokens)", "no prompt, 6 (paper)", "iprompt, 6 (paper)", "no prompt, 12 (paper)",
                    "iprompt, 12 (paper)"), t.columnNames());
            assertEquals(1, SentimentTables.prompts(runs).rowCount());
        }
    }
}
