package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.promptscope.results.Provenance;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class FunctionsTablesTest {

    private static void write(RecordStore store, String condition, String finetune, List<Double> correct, List<Double> isTest) {
        write(store, condition, finetune, correct, isTest, null);
    }

    private static void write(RecordStore store, String condition, String finetune, List<Double> correct, List<Double> isTest,
            List<Double> chats) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("experiment", "dev/functions-exp/functions");
        params.put("finetune", finetune);
        RunConfig rc = RunConfig.of("functions", condition, "regression_ood", 100, "m", "", params);
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("correct", correct);
        series.put("is_test", isTest);
        if (chats != null) {
            series.put("in_context_chats", chats);
        }
        store.write(RunRecord.done(store.experiment(), rc, List.of(), Map.of("n_all", (double) correct.size()), series,
                Provenance.capture(Instant.now(), Instant.now(), 0)));
    }

    @Test
    void poolsItemsOverFinetunesWithTestAndTrainApart(@TempDir Path dir) throws Exception {
        RecordStore store = RecordStore.at(dir);
        write(store, "finetuned", "finetune_01", List.of(1.0, 0.0, 1.0), List.of(1.0, 1.0, 0.0));
        write(store, "finetuned", "finetune_02", List.of(0.6, 1.0), List.of(1.0, 0.0));
        write(store, "untrained", "finetune_01", List.of(0.2), List.of(1.0));
        write(store, "in_context", "finetune_01", List.of(Double.NaN, Double.NaN), List.of(1.0, 0.0), List.of(0.0, 0.0));
        write(store, "in_context", "finetune_02", List.of(0.4, 1.0), List.of(1.0, 0.0), List.of(3.0, 4.0));
        Table t = FunctionsTables.summary(dir);
        assertEquals(5, t.rowCount(), t.print());
        // finetuned, test: items 1, 0, 0.6 from two finetunes: mean 0.5333, SEM = sd(n-1)/sqrt(3) = 0.2906
        int test = 0; // rows sort by condition: finetuned, in_context, untrained
        assertEquals("functions", t.stringColumn("experiment").get(test));
        assertEquals("finetuned", t.stringColumn("condition").get(test));
        assertEquals("test", t.stringColumn("functions").get(test));
        assertEquals(1.6 / 3, t.doubleColumn("mean").getDouble(test), 1e-12);
        assertEquals(0.290593, t.doubleColumn("sem").getDouble(test), 1e-6);
        assertEquals(3, t.intColumn("items").getInt(test));
        assertEquals(2, t.intColumn("finetunes").getInt(test));
        assertEquals(0, t.intColumn("skipped").getInt(test));
        assertEquals(1.0, t.doubleColumn("mean").getDouble(1));
        assertEquals(0.0, t.doubleColumn("sem").getDouble(1));
        assertEquals(Double.NaN, t.doubleColumn("chats").getDouble(0), "no in-context conversations outside in_context");
        // in_context, test: finetune_01's prompt too long for the model (skipped), finetune_02's answered with 3 chats
        assertEquals("in_context", t.stringColumn("condition").get(2));
        assertEquals("test", t.stringColumn("functions").get(2));
        assertEquals(1, t.intColumn("items").getInt(2));
        assertEquals(1, t.intColumn("skipped").getInt(2));
        assertEquals(0.4, t.doubleColumn("mean").getDouble(2), 1e-12);
        assertEquals(1.5, t.doubleColumn("chats").getDouble(2), 1e-12); // (0 + 3) / 2
        assertEquals(2.0, t.doubleColumn("chats").getDouble(3), 1e-12); // train: (0 + 4) / 2
        Table wide = FunctionsTables.wide(t);
        assertEquals(2, wide.rowCount(), wide.print());
        assertEquals("0.53 ± 0.29", wide.stringColumn("finetuned").get(0));
        assertEquals("0.20 ± -", wide.stringColumn("untrained").get(0), "one item has no SEM");
        assertEquals("0.40 ± -", wide.stringColumn("in_context").get(0));
        assertEquals("1.5", wide.stringColumn("in-context chats").get(0));
        assertEquals("1.00 ± -", wide.stringColumn("in_context").get(1));
        assertEquals("2.0", wide.stringColumn("in-context chats").get(1));
        assertEquals("", wide.stringColumn("untrained").get(1));
    }
}
