package io.github.promptscope.plots;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables for reading: HTML (the first rows plus the shape, the way a notebook shows a data
 * frame) and text, with decimal numbers rounded to {@link #DECIMALS} places. Rounding happens only
 * here, when a table is shown: the tables themselves, run records and figures keep full precision.
 */
public final class Tables {

    /** Rows shown by default; the shape line says how many there are in all. */
    public static final int DEFAULT_ROWS = 20;

    /** Decimal places shown for accuracies, losses and every other decimal column. */
    public static final int DECIMALS = 3;

    private Tables() {
    }

    /**
     * A copy of {@code table} whose double and float columns are rounded half-up to {@code decimals}
     * places (0.123456 becomes 0.123, 0.0004 becomes 0); NaN and infinities stay as they are.
     * Other columns are copied unchanged.
     */
    public static Table rounded(Table table, int decimals) {
        Table out = Table.create(table.name());
        for (Column<?> c : table.columns()) {
            if (c instanceof DoubleColumn d) {
                DoubleColumn r = DoubleColumn.create(d.name());
                for (int i = 0; i < d.size(); i++) {
                    if (d.isMissing(i)) {
                        r.appendMissing();
                    } else {
                        r.append(round(d.getDouble(i), decimals));
                    }
                }
                out.addColumns(r);
            } else if (c instanceof FloatColumn f) {
                FloatColumn r = FloatColumn.create(f.name());
                for (int i = 0; i < f.size(); i++) {
                    if (f.isMissing(i)) {
                        r.appendMissing();
                    } else {
                        r.append((float) round(f.getDouble(i), decimals));
                    }
                }
                out.addColumns(r);
            } else {
                out.addColumns(c.copy());
            }
        }
        return out;
    }

    /** One value rounded for reading; see {@link #rounded}. */
    public static double round(double x, int decimals) {
        if (!Double.isFinite(x) || x == 0) {
            return x;
        }
        return new BigDecimal(Double.toString(x)).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** The table as text, rounded, first {@code maxRows} rows (the kernel's plain-text form). */
    public static String toText(Table table, int maxRows) {
        return rounded(table, DECIMALS).print(maxRows);
    }

    /** The whole table as text, rounded (what the command line prints). */
    public static String toText(Table table) {
        return rounded(table, DECIMALS).printAll();
    }

    public static String toHtml(Table table) {
        return toHtml(table, DEFAULT_ROWS);
    }

    /** The first {@code maxRows} rows as an HTML table, decimals rounded to {@link #DECIMALS} places. */
    public static String toHtml(Table table, int maxRows) {
        table = rounded(table, DECIMALS);
        StringBuilder b = new StringBuilder(256);
        b.append("<div class=\"ps-table\">\n");
        if (table.name() != null && !table.name().isBlank()) {
            b.append("<div><b>").append(escape(table.name())).append("</b></div>\n");
        }
        b.append("<table class=\"dataframe\" border=\"1\">\n<thead><tr>");
        for (Column<?> c : table.columns()) {
            b.append("<th title=\"").append(escape(c.type().name())).append("\">").append(escape(c.name()))
                    .append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < shown; r++) {
            b.append("<tr>");
            for (Column<?> c : table.columns()) {
                b.append("<td>").append(escape(c.isMissing(r) ? "" : c.getString(r))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n<div class=\"ps-shape\">").append(table.rowCount()).append(" rows × ")
                .append(table.columnCount()).append(" columns");
        if (shown < table.rowCount()) {
            b.append(" (first ").append(shown).append(" shown)");
        }
        return b.append("</div>\n</div>\n").toString();
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
