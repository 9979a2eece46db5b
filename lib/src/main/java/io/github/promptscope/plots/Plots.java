package io.github.promptscope.plots;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.CategoricalColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Figures from Tablesaw tables, in the shapes the papers use. Each returns a jsplot {@link Figure},
 * which a notebook shows inline ({@link Figures#toHtml}) and {@link Figures#save} writes to a page.
 *
 * <pre>{@code
 * Table s = Results.summarize(runs, "metrics.mrr", "config.method", "config.dataset");
 * Figure f = Plots.barsWithErrors(s, "config.dataset", "config.method",
 *         Stats.col("metrics.mrr", "Mean"), Stats.col("metrics.mrr", "Std. Error"), "MRR by task");
 * }</pre>
 */
public final class Plots {

    private static final int HEIGHT = 420;

    private Plots() {
    }

    /** One bar per row: {@code value} against {@code category}. */
    public static Figure bar(Table table, String category, String value, String title) {
        Trace t = BarTrace.builder(categorical(table, category), numeric(table, value)).name(value).build();
        return new Figure(layout(title, category, value, false), t);
    }

    /**
     * Grouped bars with error bars from a summarized table: one bar group per {@code category}, one
     * bar per {@code series} value (or a single series when {@code series} is null), height
     * {@code mean}, error bar ± {@code error} (e.g. the standard error; missing or NaN draws none).
     */
    public static Figure barsWithErrors(Table summary, String category, String series, String mean, String error,
                                        String title) {
        numeric(summary, mean);
        numeric(summary, error);
        List<Table> parts = split(summary, series);
        List<Trace> traces = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        for (Table part : parts) {
            String name = series == null ? mean : categorical(part, series).getString(0);
            traces.add(BarTrace.builder(categorical(part, category), numeric(part, mean)).name(name).build());
            NumericColumn<?> e = numeric(part, error);
            double[] values = new double[part.rowCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = e.isMissing(i) ? Double.NaN : e.getDouble(i);
            }
            errors.add(values);
        }
        Layout layout = layout(title, category, mean, parts.size() > 1);
        return new ErrorBarFigure(layout, errors, traces.toArray(Trace[]::new));
    }

    /** A line per {@code series} value (or one line when null) of {@code y} against {@code x}, e.g. loss by step. */
    public static Figure line(Table table, String x, String y, String series, String title) {
        if (!table.columnNames().contains(x)) {
            throw new IllegalArgumentException(missing(table, x));
        }
        numeric(table, y);
        List<Trace> traces = new ArrayList<>();
        for (Table part : split(table, series)) {
            String name = series == null ? y : categorical(part, series).getString(0);
            traces.add(ScatterTrace.builder(part.column(x), part.numberColumn(y)).mode(ScatterTrace.Mode.LINE)
                    .name(name).build());
        }
        return new Figure(layout(title, x, y, traces.size() > 1), traces.toArray(Trace[]::new));
    }

    private static List<Table> split(Table table, String series) {
        if (series == null) {
            return List.of(table);
        }
        categorical(table, series);
        List<Table> parts = new ArrayList<>(table.splitOn(series).asTableList());
        parts.removeIf(p -> p.rowCount() == 0);
        return parts;
    }

    private static Layout layout(String title, String xTitle, String yTitle, boolean legend) {
        return Layout.builder(title)
                .xAxis(Axis.builder().title(xTitle).build())
                .yAxis(Axis.builder().title(yTitle).build())
                .barMode(Layout.BarMode.GROUP)
                .showLegend(legend)
                .height(HEIGHT)
                .build();
    }

    private static NumericColumn<?> numeric(Table t, String name) {
        if (!t.columnNames().contains(name)) {
            throw new IllegalArgumentException(missing(t, name));
        }
        if (!(t.column(name) instanceof NumericColumn<?> c)) {
            throw new IllegalArgumentException("column \"" + name + "\" of table " + t.name() + " is "
                    + t.column(name).type().name() + ", not numeric");
        }
        return c;
    }

    private static CategoricalColumn<?> categorical(Table t, String name) {
        if (!t.columnNames().contains(name)) {
            throw new IllegalArgumentException(missing(t, name));
        }
        if (!(t.column(name) instanceof CategoricalColumn<?> c)) {
            throw new IllegalArgumentException("column \"" + name + "\" of table " + t.name() + " is "
                    + t.column(name).type().name() + ", not a category (string, integer, boolean)");
        }
        return c;
    }

    private static String missing(Table t, String name) {
        return "column \"" + name + "\" does not exist in table " + t.name() + "; columns: " + t.columnNames();
    }
}
