package io.github.promptscope.plots;

import io.github.promptscope.neurons.ActivationRecord;

import java.util.List;
import java.util.Locale;

/**
 * A neuron's excerpts as HTML with each token's background shaded by its activation (the neuron
 * viewer's display): the deeper the green, the nearer the token is to the largest activation shown;
 * tokens at or below 0 are left plain. Hovering a token shows its raw activation. Whitespace is kept
 * as the tokenizer wrote it ({@code white-space: pre-wrap}), so the excerpt reads as its text.
 */
public final class ExcerptHighlight {

    private ExcerptHighlight() {}

    /** The excerpts, one block each, shaded against the largest activation among them. */
    public static Html of(List<ActivationRecord> excerpts) {
        double max = excerpts.stream().mapToDouble(ActivationRecord::max).max().orElse(0);
        StringBuilder b = new StringBuilder(4096);
        b.append("<div class=\"ps-excerpts\" style=\"font-family: monospace; line-height: 1.6\">\n");
        for (int i = 0; i < excerpts.size(); i++) {
            ActivationRecord r = excerpts.get(i);
            b.append("<div style=\"margin: 4px 0; white-space: pre-wrap\"><b>").append(i + 1).append(".</b> ");
            for (int t = 0; t < r.size(); t++) {
                double a = r.activation(t);
                String token = Tables.escape(r.tokens().get(t));
                if (a > 0 && max > 0) {
                    b.append(String.format(Locale.ROOT, "<span title=\"%.3f\" style=\"background: rgba(0, 160, 60, %.2f)\">",
                            a, Math.min(1, a / max))).append(token).append("</span>");
                } else {
                    b.append("<span title=\"").append(String.format(Locale.ROOT, "%.3f", a)).append("\">").append(token)
                            .append("</span>");
                }
            }
            b.append("</div>\n");
        }
        return Html.of(b.append("</div>\n").toString());
    }
}
