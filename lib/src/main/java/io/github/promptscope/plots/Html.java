package io.github.promptscope.plots;

import java.util.Objects;

/**
 * A piece of HTML to show as such: a notebook renders it as {@code text/html}; {@link #toString()} is
 * the markup. {@code display(Html.of("<b>best</b> prompt"))}.
 */
public record Html(String html) {

    public Html {
        Objects.requireNonNull(html, "html");
    }

    public static Html of(String html) {
        return new Html(html);
    }

    /** Text shown as-is (escaped), in a monospace block. */
    public static Html pre(String text) {
        return new Html("<pre>" + Tables.escape(text) + "</pre>");
    }

    @Override
    public String toString() {
        return html;
    }
}
