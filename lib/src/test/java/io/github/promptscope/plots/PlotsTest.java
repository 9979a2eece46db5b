package io.github.promptscope.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import org.junit.jupiter.api.Test;

class PlotsTest {

    private static Table summary() {
        return Table.create("summary",
                StringColumn.create("task", "add_two", "add_two", "square"),
                StringColumn.create("method", "iprompt", "suffix", "iprompt"),
                DoubleColumn.create("Mean [mrr]", 0.8, 0.5, 0.6),
                DoubleColumn.create("Std. Error [mrr]", 0.05, Double.NaN, 0.1));
    }

    @Test
    void figureHtmlEmbedsPinnedPlotlyAndNoCdn() {
        String html = Figures.toHtml(Plots.bar(summary(), "task", "Mean [mrr]", "MRR"));
        assertTrue(html.contains("plotly.js v" + Plotly.VERSION), "bundle header");
        assertTrue(html.contains("Plotly.newPlot"));
        assertTrue(html.matches("(?s).*var target_psplot_[0-9a-f]{32} = .*"), "div id usable as a JS identifier");
        String ours = html.replace(Plotly.source(), ""); // the library's own strings name URLs it never fetches here
        assertTrue(!ours.contains("http"), ours);
        assertTrue(html.length() > 4_000_000, "the library is inline");
    }

    @Test
    void groupedBarsCarryErrorBars() {
        Figure f = Plots.barsWithErrors(summary(), "task", "method", "Mean [mrr]", "Std. Error [mrr]", "MRR by task");
        assertEquals(2, f.getTraces().length);
        String js = f.asJavascript("d");
        assertTrue(js.contains("trace0.error_y = {type: 'data', visible: true, array: [0.0500000, 0.100000]}"), js);
        assertTrue(js.contains("trace1.error_y = {type: 'data', visible: true, array: [null]}"), js);
        assertTrue(js.indexOf("error_y") < js.indexOf("Plotly.newPlot"));
    }

    @Test
    void lineChartPerSeries() {
        Table curve = Table.create("curve", IntColumn.create("step", 1, 2, 1, 2),
                DoubleColumn.create("loss", 2.0, 1.5, 2.2, 1.9), StringColumn.create("run", "a", "a", "b", "b"));
        assertEquals(2, Plots.line(curve, "step", "loss", "run", "Loss").getTraces().length);
        assertEquals(1, Plots.line(curve, "step", "loss", null, "Loss").getTraces().length);
    }

    @Test
    void missingColumnIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.bar(summary(), "task", "Mean [acc]", "x"));
        assertTrue(e.getMessage().contains("Mean [acc]") && e.getMessage().contains("Mean [mrr]"), e.getMessage());
    }

    @Test
    void tableHtmlShowsFirstRowsAndShape() {
        Table t = Table.create("big", IntColumn.create("i", java.util.stream.IntStream.range(0, 50).toArray()),
                StringColumn.create("s", java.util.Collections.nCopies(50, "<x>").toArray(String[]::new)));
        String html = Tables.toHtml(t);
        assertTrue(html.contains("50 rows × 2 columns (first 20 shown)"), html);
        assertTrue(html.contains("&lt;x&gt;") && !html.contains("<x>"));
        assertEquals(21, html.split("<tr>").length - 1); // header + 20 rows
    }
}
