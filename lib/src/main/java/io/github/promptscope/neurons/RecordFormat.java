package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.List;

/**
 * The original prompts' rendering of excerpts (spec neurons.md 1.4, OpenAI's
 * activation_records.py): one {@code token<TAB>value} line per token, excerpts wrapped in
 * {@code <start>}/{@code <end>} lines. A value is the normalized integer, or {@code unknown} where
 * the activation is hidden (the simulator's slots, and a few-shot excerpt's first tokens).
 */
public final class RecordFormat {

    public static final String UNKNOWN = "unknown";

    private RecordFormat() {}

    /** Every record with its values; {@code omitZeros} keeps only the lines with a value above 0. */
    public static String records(List<ActivationRecord> records, double max, boolean omitZeros) {
        return records(records, max, omitZeros, null);
    }

    /** Values before {@code startIndices[i]} in record i show as {@code unknown} (null: none hidden). */
    public static String records(List<ActivationRecord> records, double max, boolean omitZeros, int[] startIndices) {
        if (omitZeros && startIndices != null) {
            throw new IllegalArgumentException("cannot hide activations and omit zeros at once");
        }
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            blocks.add(record(records.get(i), max, omitZeros, startIndices == null ? 0 : startIndices[i]));
        }
        return wrap(blocks);
    }

    /** Token lines with every value {@code unknown}: the simulator's target block. */
    public static String forSimulation(List<List<String>> excerpts) {
        List<String> blocks = new ArrayList<>();
        for (List<String> tokens : excerpts) {
            List<String> lines = new ArrayList<>();
            for (String t : tokens) {
                lines.add(t + "\t" + UNKNOWN);
            }
            blocks.add(String.join("\n", lines));
        }
        return wrap(blocks);
    }

    private static String record(ActivationRecord r, double max, boolean omitZeros, int startIndex) {
        int[] values = Normalization.normalize(r.activations(), max);
        List<String> lines = new ArrayList<>();
        int shown = 0; // index among the lines kept, as the reference counts it after filtering
        for (int t = 0; t < r.size(); t++) {
            if (omitZeros && values[t] <= 0) {
                continue;
            }
            String value = shown < startIndex ? UNKNOWN : Integer.toString(values[t]);
            lines.add(r.tokens().get(t) + "\t" + value);
            shown++;
        }
        return String.join("\n", lines);
    }

    private static String wrap(List<String> blocks) {
        return "\n<start>\n" + String.join("\n<end>\n<start>\n", blocks) + "\n<end>\n";
    }
}
