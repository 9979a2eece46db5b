package io.github.promptscope.experiments;

import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.SweepReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.LanguageModel;
import java.nio.file.Path;
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
}
