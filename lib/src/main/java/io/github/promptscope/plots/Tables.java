package io.github.promptscope.plots;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Tablesaw tables as HTML: the first rows plus the shape, the way a notebook shows a data frame. */
public final class Tables {

    /** Rows shown by default; the shape line says how many there are in all. */
    public static final int DEFAULT_ROWS = 20;

    private Tables() {
    }

    public static String toHtml(Table table) {
        return toHtml(table, DEFAULT_ROWS);
    }

    public static String toHtml(Table table, int maxRows) {
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
