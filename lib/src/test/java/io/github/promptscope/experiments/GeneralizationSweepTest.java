package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Datasets;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.HeldOutAccuracy;
import io.github.promptscope.results.Provenance;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.ScoredPrompt;
import io.github.promptscope.results.SweepReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Generalization over a sweep's records: one record per task x method x seed, resumable, with the paper's numbers beside. */
class GeneralizationSweepTest {

    private static void source(RecordStore store, String method, String prompt) {
        Map<String, Object> params = Map.of("n", 100, "search", Map.of("prefixBeforeInput", true));
        RunConfig c = RunConfig.of("iprompt", method, "add_two", 1, "default", "sha", params);
        store.write(RunRecord.done(store.experiment(), c, List.of(new ScoredPrompt(prompt, 0.8, 0.4),
                new ScoredPrompt(" not the top prompt", 0.1, 2.0)), Map.of(), Provenance.capture(Instant.now(), Instant.now(), 0)));
    }

    @Test
    void evaluatesTopPromptsAndBaselinesAndResumes(@TempDir Path root) {
        System.setProperty("promptscope.progress", "off");
        RecordStore sweep = new RecordStore(root, "rec");
        source(sweep, "iprompt", " Add the two inputs together Given");
        source(sweep, "suffix", " Return twice two inputs. Compute");
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            GeneralizationSweep g = GeneralizationSweep.of(lm, sweep.dir()).maxTest(8);
            RecordStore out = new RecordStore(root, "gen");
            SweepReport first = g.run(out, false);
            assertEquals(4, first.done().size(), "human, none, iprompt, suffix for add_two seed 1");
            SweepReport again = g.run(out, false);
            assertEquals(0, again.ran().size());
            assertEquals(4, again.skipped().size());

            Table runs = Results.load(out.dir());
            var test = Datasets.get("add_two", 1, 100).test().subList(0, 8);
            for (int i = 0; i < runs.rowCount(); i++) {
                String method = runs.stringColumn("config.method").get(i);
                String prompt = runs.stringColumn("config.params.prompt").get(i);
                double expected = HeldOutAccuracy.containment(lm, prompt, test, HeldOutAccuracy.Placement.BEFORE_INPUT, 7)
                        .accuracy();
                assertEquals(expected, runs.doubleColumn("metrics.containment_accuracy").get(i), 1e-12, method);
                assertEquals(8.0, runs.doubleColumn("metrics.test_rows").get(i));
                switch (method) {
                    case "iprompt" -> assertEquals(" Add the two inputs together Given", prompt, "the top prompt only");
                    case "human" -> assertEquals(" Return the sum of the inputs", prompt);
                    case "none", "suffix" -> { }
                    default -> throw new AssertionError("unexpected method " + method);
                }
            }
            Table byCollection = GeneralizationTables.byCollection(runs, GeneralizationSweep.CONTAINMENT);
            assertEquals("math", byCollection.stringColumn("collection").get(0));
            assertEquals(51.5, byCollection.doubleColumn("iprompt (paper)").get(0));
            assertEquals(16.3, byCollection.doubleColumn("none (paper)").get(0));
            Table byTask = GeneralizationTables.byTask(runs, GeneralizationSweep.CONTAINMENT);
            assertTrue(byTask.doubleColumn("human").get(0) > byTask.doubleColumn("none").get(0));
        }
    }

    @Test
    void aMissingRecordsFolderIsNamed(@TempDir Path root) {
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            Path missing = root.resolve("no_such_sweep");
            var e = assertThrows(IllegalArgumentException.class, () -> GeneralizationSweep.of(lm, missing).configs());
            assertTrue(e.getMessage().contains("--records " + missing), e.getMessage());
        }
    }
}
