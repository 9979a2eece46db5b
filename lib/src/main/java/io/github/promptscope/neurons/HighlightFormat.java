package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.List;

/**
 * Lee et al.'s renderings of excerpts (spec neurons.md 2.2): each excerpt lettered A, B, ... as
 * plain text, with the tokens above a cutoff listed after it (Summary), bracketed in place
 * (Highlight), or both (HighlightSummary); AVHS brackets tokens whose normalized value is above 0
 * and lists them with their values. The cutoff compares raw activations, strictly.
 */
public final class HighlightFormat {

    private HighlightFormat() {}

    public static String summary(List<ActivationRecord> records, double cutoff) {
        return blocks(records, (r, letter) -> header(letter) + String.join("", r.tokens()) + "<end> \n\n"
                + list(r, cutoff));
    }

    public static String highlight(List<ActivationRecord> records, double cutoff) {
        return blocks(records, (r, letter) -> header(letter) + bracketed(r, cutoff) + "<end> \n");
    }

    public static String highlightSummary(List<ActivationRecord> records, double cutoff) {
        return blocks(records, (r, letter) -> header(letter) + bracketed(r, cutoff) + "<end> \n\n" + list(r, cutoff));
    }

    /**
     * Activation-value highlight summary, normalized by {@code max}. (The reference overwrites the
     * records' activations with the normalized values while rendering; here they stay raw.)
     */
    public static String avhs(List<ActivationRecord> records, double max) {
        return blocks(records, (r, letter) -> {
            int[] values = Normalization.normalize(r.activations(), max);
            StringBuilder text = new StringBuilder(header(letter));
            List<String> high = new ArrayList<>();
            for (int t = 0; t < r.size(); t++) {
                String token = r.tokens().get(t);
                if (values[t] > 0) {
                    text.append('[').append(token).append(']');
                    high.add(token + "\t" + values[t]);
                } else {
                    text.append(token);
                }
            }
            return text + "<end> \n\nHighly activating tokens:\n" + String.join(",", high) + "\n";
        });
    }

    private interface Block {
        String render(ActivationRecord r, char letter);
    }

    private static String blocks(List<ActivationRecord> records, Block block) {
        if (records.size() > 26) {
            throw new IllegalArgumentException("excerpts are lettered A-Z: at most 26, got " + records.size());
        }
        StringBuilder out = new StringBuilder("\n");
        for (int i = 0; i < records.size(); i++) {
            out.append(block.render(records.get(i), (char) ('A' + i)));
        }
        return out.toString();
    }

    private static String header(char letter) {
        return "\n Text excerpt - " + letter + ":\n<start>";
    }

    private static String bracketed(ActivationRecord r, double cutoff) {
        StringBuilder out = new StringBuilder();
        for (int t = 0; t < r.size(); t++) {
            String token = r.tokens().get(t);
            out.append(r.activation(t) > cutoff ? "[" + token + "]" : token);
        }
        return out.toString();
    }

    private static String list(ActivationRecord r, double cutoff) {
        List<String> high = new ArrayList<>();
        for (int t = 0; t < r.size(); t++) {
            if (r.activation(t) > cutoff) {
                high.add(r.tokens().get(t));
            }
        }
        return "Highly activating tokens:\n" + String.join(",", high) + "\n";
    }
}
