package io.github.promptscope.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class ResultsTest {

    private static void write(RecordStore store, String method, String dataset, long seed, double mrr) {
        RunConfig cfg = RunConfig.of("iprompt", method, dataset, seed, "models/tiny", "h",
                Map.of("pop_size", 8, "sampling", Map.of("top_k", 50)));
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        store.write(RunRecord.done(store.experiment(), cfg, List.of(ScoredPrompt.of(" Add", 1.0)),
                Map.of("mrr", mrr), Provenance.capture(t, t.plusSeconds(1), 10)));
    }

    @Test
    void loadFlattensAndSummarizeGivesMeanStdErrCount(@TempDir Path dir) {
        RecordStore math = new RecordStore(dir, "math");
        write(math, "iprompt", "add_two", 1, 1.0);
        write(math, "iprompt", "add_two", 2, 0.5);
        write(math, "iprompt", "add_two", 3, 0.0);
        write(math, "suffix", "add_two", 1, 0.25);
        write(new RecordStore(dir.resolve("nested"), "other"), "suffix", "add_two", 2, 0.75);
        try {
            // JSON that is not a run record (a training summary) lives under results/ too and is passed over
            java.nio.file.Files.writeString(dir.resolve("training.json"), "{\"report\": {\"steps\": 10}}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        Table runs = Results.load(dir);
        assertEquals(5, runs.rowCount());
        assertEquals(ColumnType.DOUBLE, runs.column("metrics.mrr").type());
        assertEquals(ColumnType.LONG, runs.column("config.seed").type());
        assertEquals(ColumnType.LONG, runs.column("config.params.sampling.top_k").type());
        assertEquals(ColumnType.STRING, runs.column("config.method").type());
        assertEquals(ColumnType.STRING, runs.column("prompts").type());
        assertTrue(runs.stringColumn("prompts").get(0).contains("\" Add\""));

        Table t = Results.summarize(runs, "metrics.mrr", "config.method").sortAscendingOn("config.method");
        assertEquals(List.of("iprompt", "suffix"), t.stringColumn("config.method").asList());
        DoubleColumn mean = t.doubleColumn(Stats.col("metrics.mrr", "Mean"));
        DoubleColumn se = t.doubleColumn(Stats.col("metrics.mrr", "Std. Error"));
        // iprompt: values 1, 0.5, 0 -> mean 0.5, sd 0.5, se 0.5/sqrt(3); suffix: 0.25, 0.75 -> se 0.25
        assertEquals(0.5, mean.get(0), 1e-12);
        assertEquals(0.5 / Math.sqrt(3), se.get(0), 1e-12);
        assertEquals(0.5, mean.get(1), 1e-12);
        assertEquals(0.25, se.get(1), 1e-12);
        assertEquals(3, ((Number) t.column(Stats.col("metrics.mrr", "Count")).get(0)).intValue());

        Table byTwo = Results.summarize(runs, "metrics.mrr", "config.method", "config.dataset");
        assertEquals(2, byTwo.rowCount());
        Table one = Results.load(math.path(RunConfig.of("iprompt", "suffix", "add_two", 1, "models/tiny", "h",
                Map.of("pop_size", 8, "sampling", Map.of("top_k", 50))).id()));
        assertEquals(1, one.rowCount());
        assertEquals(0.25, one.doubleColumn("metrics.mrr").get(0), 0);
    }
}
