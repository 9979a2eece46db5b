package io.github.promptscope.search;

import io.github.promptscope.data.FieldLimits;
import io.github.promptscope.data.PromptLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The rows a prompt search iterates over, built as the reference API builds them (spec 1.2):
 * outputs stripped of trailing whitespace and periods, each example's text {@code x + y + "."},
 * and with {@code nShots > 1} rows of {@code nShots} distinct examples whose texts are joined by a
 * blank line; the scored input is the last example's (single-shot loss) or all shots' texts
 * followed by the last input. One-shot rows beyond {@code maxRows} are subsampled to it, as the
 * reference subsamples any dataset larger than {@code max_n_datapoints}.
 */
record DataRows(List<Row> rows) {

    /**
     * One row: what is scored ({@code input} then {@code output}) and the example texts a proposal
     * context shows. The row keeps references to its shots' texts and joins them only when asked:
     * a thousand three-shot rows over long inputs once held a copy of every input per row (5 GB for
     * three 5 MB inputs). Rows of one-shot loss share their input's string, so a scorer that keys
     * on the string's identity tokenizes each example once.
     */
    record Row(String input, String output, List<String> shots) {

        Row(String input, String output, String text) {
            this(input, output, List.of(text));
        }

        /** The shots' texts joined by a blank line, as the reference's {@code text} column. */
        String text() {
            return shots.size() == 1 ? shots.get(0) : String.join(PromptLayout.SHOT_SEPARATOR, shots);
        }
    }

    static DataRows build(List<String> inputs, List<String> outputs, int nShots, boolean singleShotLoss,
            int maxRows, Random rng) {
        if (inputs.size() != outputs.size()) {
            throw new IllegalArgumentException("inputs (" + inputs.size() + ") and outputs (" + outputs.size()
                    + ") differ in length");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs: empty; a search needs at least one example");
        }
        int n = inputs.size();
        requireSearchable(inputs, "inputs");
        requireSearchable(outputs, "outputs");
        List<String> ys = outputs.stream().map(PromptLayout::stripOutput).toList();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(inputs.get(i) + ys.get(i) + ".");
        }
        List<Row> rows = new ArrayList<>();
        if (nShots == 1) {
            for (int i = 0; i < n; i++) {
                rows.add(new Row(inputs.get(i), ys.get(i), texts.get(i)));
            }
            return new DataRows(capped(rows, maxRows, rng));
        }
        if (nShots > n) {
            throw new IllegalArgumentException("nShots (" + nShots + ") exceeds the number of examples (" + n + ")");
        }
        for (int r = 0; r < maxRows; r++) {
            List<Integer> idx = sampleDistinct(n, nShots, rng);
            List<String> shotTexts = idx.stream().map(texts::get).toList();
            int last = idx.get(nShots - 1);
            String scored = singleShotLoss
                    ? inputs.get(last)
                    : String.join("", shotTexts.subList(0, nShots - 1)) + inputs.get(last);
            rows.add(new Row(scored, ys.get(last), shotTexts));
        }
        return new DataRows(rows);
    }

    /** Fields longer than {@link FieldLimits#MAX_CHARS}, named by list and index before anything tokenizes them. */
    private static void requireSearchable(List<String> texts, String list) {
        for (int i = 0; i < texts.size(); i++) {
            String problem = FieldLimits.tooLong(list + "[" + i + "]", texts.get(i));
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /**
     * At most {@code maxRows} rows: more are subsampled without replacement, in the sampled order
     * (the reference's {@code df.sample(n=max_n_datapoints)}); no more, and the rows stay as given
     * and nothing is drawn.
     */
    private static List<Row> capped(List<Row> rows, int maxRows, Random rng) {
        if (rows.size() <= maxRows) {
            return rows;
        }
        List<Row> pool = new ArrayList<>(rows);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < maxRows; i++) {
            int j = i + rng.nextInt(pool.size() - i); // partial Fisher-Yates: a uniform ordered sample
            Row t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
            out.add(pool.get(i));
        }
        return out;
    }

    private static List<Integer> sampleDistinct(int n, int k, Random rng) {
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < k) {
            int i = rng.nextInt(n);
            if (!picked.contains(i)) {
                picked.add(i);
            }
        }
        return picked;
    }
}
