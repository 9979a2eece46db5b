package io.github.promptscope.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.results.Provenance;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.ScoredPrompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables are shown with 3 decimals; the tables, records and figures underneath keep every digit. */
class TablesRoundingTest {

    @Test
    void roundsHalfUpToThreeDecimals() {
        assertEquals(0.123, Tables.round(0.123456, 3), 0.0);
        assertEquals(0.124, Tables.round(0.1235, 3), 0.0); // half up, not the binary 0.12349999...
        assertEquals(-2.5, Tables.round(-2.4999, 3), 0.0);
        assertEquals(1.0, Tables.round(0.99951, 3), 0.0);
        assertEquals(0.0, Tables.round(0.0004999, 3), 0.0);
        assertEquals(0.001, Tables.round(0.0005, 3), 0.0);
        assertEquals(0.0, Tables.round(0.0, 3), 0.0);
        assertTrue(Double.isNaN(Tables.round(Double.NaN, 3)));
        assertEquals(Double.POSITIVE_INFINITY, Tables.round(Double.POSITIVE_INFINITY, 3), 0.0);
    }

    @Test
    void roundedCopiesTheTableAndLeavesTheOriginal() {
        Table t = Table.create("top", IntColumn.create("rank", 1, 2), StringColumn.create("prompt", "a 0.123456", "b"),
                DoubleColumn.create("accuracy", 0.123456, 0.5), DoubleColumn.create("loss", 2.718281828, Double.NaN));
        Table r = Tables.rounded(t, 3);
        assertEquals(List.of("rank", "prompt", "accuracy", "loss"), r.columnNames());
        assertEquals("top", r.name());
        assertEquals(0.123, r.doubleColumn("accuracy").get(0), 0.0);
        assertEquals(2.718, r.doubleColumn("loss").get(0), 0.0);
        assertTrue(r.doubleColumn("loss").isMissing(1));
        assertEquals("a 0.123456", r.stringColumn("prompt").get(0), "text is not touched");
        assertEquals(0.123456, t.doubleColumn("accuracy").get(0), 0.0, "the original keeps full precision");
        String text = Tables.toText(t);
        assertTrue(text.contains("|     0.123  |  2.718  |"), text);
        assertFalse(text.contains("2.7182"), text);
    }

    @Test
    void aRecordShownInATableReadsRoundedWhileItsFileKeepsEveryDigit(@TempDir Path dir) throws Exception {
        RecordStore store = new RecordStore(dir, "explain");
        RunConfig cfg = RunConfig.of("iprompt", "iprompt", "add_two", 1, "default", "", Map.of("steps", 2));
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        Path file = store.write(RunRecord.done("explain", cfg, List.of(new ScoredPrompt(" Add", 0.123456, 0.987654)),
                Map.of("top1_accuracy", 0.123456, "top1_loss", 0.987654), Provenance.capture(t0, t0, 0)));
        String json = Files.readString(file);
        assertTrue(json.contains("0.123456") && json.contains("0.987654"), json);

        Table runs = Results.load(store.dir());
        assertEquals(0.123456, runs.doubleColumn("metrics.top1_accuracy").get(0), 0.0);
        Table shown = runs.selectColumns("config.dataset", "metrics.top1_accuracy", "metrics.top1_loss");
        String html = Tables.toHtml(shown);
        assertTrue(html.contains("<td>0.123</td>") && html.contains("<td>0.988</td>"), html);
        assertFalse(html.contains("0.123456") || html.contains("0.98765"), html);
        String text = Tables.toText(shown, Tables.DEFAULT_ROWS);
        assertTrue(text.contains("0.123") && text.contains("0.988") && !text.contains("0.1234"), text);
        // a summary table (what notebook 02 shows) is rounded the same way, its data is not
        Table summary = Results.summarize(runs, "metrics.top1_loss", "config.dataset");
        assertEquals(0.987654, summary.doubleColumn(1).get(0), 0.0);
        assertTrue(Tables.toHtml(summary).contains("<td>0.988</td>"), Tables.toHtml(summary));
    }
}
