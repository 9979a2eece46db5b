package io.github.promptscope.plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import tech.tablesaw.plotly.components.Figure;

/**
 * jsplot figures as HTML that works offline: the pinned plotly.js is embedded, never loaded from a CDN.
 * The notebook kernel displays every {@link Figure} through {@link #toHtml(Figure)}, so outputs and
 * their HTML export render with no network.
 */
public final class Figures {

    private Figures() {
    }

    /**
     * A self-contained HTML fragment: plotly.js (defined only if the page lacks it), a {@code <div>}
     * and the figure's script. Each fragment carries the library, so any single output renders alone.
     */
    public static String toHtml(Figure figure) {
        // jsplot also uses the div id in a JavaScript variable name, so it must be an identifier.
        String div = "psplot_" + UUID.randomUUID().toString().replace("-", "");
        return Plotly.inlineScript() + fragment(figure, div);
    }

    /** The {@code <div>} and the drawing script alone, for pages that load plotly.js themselves. */
    public static String fragment(Figure figure, String div) {
        // Tablesaw declares global vars (layout, trace0, ...); a function scope keeps figures apart.
        return "<div id=\"" + div + "\"></div>\n<script type=\"text/javascript\">\n(function() {\n"
                + stripScriptTags(figure.asJavascript(div)) + "\n})();\n</script>\n";
    }

    /** A standalone page with plotly.js inline. */
    public static String page(Figure figure, String title) {
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + Tables.escape(title)
                + "</title>\n</head>\n<body>\n" + toHtml(figure) + "</body>\n</html>\n";
    }

    /** Writes {@link #page} to a file and returns it. */
    public static Path save(Figure figure, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, page(figure, file.getFileName().toString()), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write figure: " + e.getMessage(), e);
        }
    }

    private static String stripScriptTags(String js) {
        return js.replaceAll("(?i)</?script[^>]*>", "");
    }
}
