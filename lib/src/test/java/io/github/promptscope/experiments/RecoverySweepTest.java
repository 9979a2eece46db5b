package io.github.promptscope.experiments;

import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.SweepReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.search.SuffixSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The recovery sweep writes one record per run, resumes by skipping them, and aggregates MRR. */
class RecoverySweepTest {

    @Test
    void recordsResumeAndAggregate(@TempDir Path root) throws Exception {
        System.setProperty("promptscope.progress", "off");
        try (LanguageModel lm = LanguageModel.load(Path.of(getClass().getResource("/fixtures/gpt2-lmhead").toURI()))) {
            RecoverySweep sweep = RecoverySweep.of(lm).tasks("add_two", "double_one").methods("suffix").seeds(1, 2)
                    .steps(1).examples(20);
            RecordStore store = new RecordStore(root, "rec");
            SweepReport first = sweep.run(store);
            assertEquals(4, first.done().size());
            SweepReport again = sweep.run(store);
            assertEquals(0, again.ran().size());
            assertEquals(4, again.skipped().size());

            Table runs = Results.load(store.dir());
            Table mrr = RecoverySweep.mrr(runs);
            assertEquals(2, mrr.rowCount(), "one row per task for the one method");
            for (int i = 0; i < runs.rowCount(); i++) {
                double rr = runs.doubleColumn("metrics.reciprocal_rank").get(i);
                double rank = runs.doubleColumn("metrics.rank").get(i);
                assertEquals(1.0 / (rank + 1), rr, 1e-12);
            }
            assertTrue(runs.stringColumn("config.model").get(0).equals("gpt2-lmhead"), "model named by folder, not path");
        }
    }

    /**
     * A record the search code before reference parity made (commit 25bedbc, no {@code algorithm} in its
     * parameters) is read as it always was but is not this code's run: a sweep of the same task, method,
     * seed, steps and model runs it again. Before, the id left out the algorithm and this was "done".
     */
    @Test
    void collectionNamesExpandToTheirTasks() {
        assertEquals(10, RecoverySweep.collection("anli").size());
        assertTrue(RecoverySweep.collection("anli").contains("question_to_sql"));
        assertEquals(23, RecoverySweep.collection("induction").size());
        assertTrue(RecoverySweep.collection("induction").containsAll(java.util.List.of("antonyms", "rhymes", "negation")));
        assertEquals(10, RecoverySweep.mathTasks().size());
    }

    @Test
    void aRecordOfTheOlderAlgorithmIsNotDone(@TempDir Path root) throws Exception {
        // a record the pre-parity code (25bedbc) wrote for results/math_recovery, kept as a test resource
        Path old = Path.of(RecoverySweepTest.class.getResource("pre-parity-005d4dbbaaf79ddc.json").toURI());
        RecordStore store = new RecordStore(root, "math_recovery");
        Files.createDirectories(store.dir());
        Files.copy(old, store.path("005d4dbbaaf79ddc"));
        RunRecord record = store.read("005d4dbbaaf79ddc").orElseThrow();
        assertTrue(record.isDone());
        assertTrue(record.config().params().path("algorithm").isMissingNode());
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            assertEquals(record.config().weightsSha256(), lm.weightsSha256(), "the record's model is the default model");
            RecoverySweep sweep = RecoverySweep.of(lm).tasks(record.config().dataset())
                    .methods(record.config().method()).seeds(record.config().seed())
                    .steps(record.config().params().path("search").path("maxNSteps").asInt())
                    .examples(record.config().params().path("n").asInt());
            RunConfig now = sweep.configs().get(0);
            assertEquals(SuffixSearch.ALGORITHM, now.params().path("algorithm").asText());
            assertNotEquals("005d4dbbaaf79ddc", now.id());
            assertEquals(1, sweep.pending(store), "the older algorithm's record does not count as done");
            assertEquals(List.of(0), sweep.plan(store).notDone());
            assertEquals(1, Results.load(store.dir()).rowCount());
            assertEquals(0, sweep.runs(store).rowCount(), "the sweep's tables leave the older record out");
        }
    }
}
