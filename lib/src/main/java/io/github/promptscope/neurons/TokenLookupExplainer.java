package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The token-lookup baseline (spec neurons.md 2.1 and 7.3): no language model, just the tokens with
 * the highest mean activation over the excerpts shown, written {@code the tokens 'red', 'blue'}.
 * Tokens are grouped by their text without surrounding whitespace ({@code " red"} and {@code "red"}
 * are one token here), so the explanation names words, not byte-level pieces.
 *
 * <p>Listed are at most {@code maxTokens} tokens whose mean activation exceeds the cutoff (the
 * raw activation that counts as highly active, {@link HighlightCutoff}), best first; when none
 * does, the single best token, so there is always an explanation.
 */
public final class TokenLookupExplainer implements NeuronExplainer {

    /** Tokens listed at most: enough to show a pattern, few enough to stay one phrase. */
    public static final int DEFAULT_MAX_TOKENS = 5;

    private final int maxTokens;

    public TokenLookupExplainer() {
        this(DEFAULT_MAX_TOKENS);
    }

    public TokenLookupExplainer(int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("token lookup lists at least one token, got " + maxTokens);
        }
        this.maxTokens = maxTokens;
    }

    @Override
    public List<String> explain(List<ActivationRecord> excerpts, double cutoff) {
        return List.of("the tokens " + quoteAll(topTokens(excerpts, cutoff)));
    }

    /** The tokens the explanation lists, best first. */
    public List<String> topTokens(List<ActivationRecord> excerpts, double cutoff) {
        Map<String, double[]> sumAndCount = new LinkedHashMap<>();
        for (ActivationRecord r : excerpts) {
            for (int t = 0; t < r.size(); t++) {
                double[] s = sumAndCount.computeIfAbsent(shown(r.tokens().get(t)), k -> new double[2]);
                s[0] += r.activation(t);
                s[1]++;
            }
        }
        if (sumAndCount.isEmpty()) {
            throw new IllegalArgumentException("token lookup needs at least one excerpt with tokens");
        }
        List<Map.Entry<String, Double>> means = new ArrayList<>();
        sumAndCount.forEach((token, s) -> means.add(Map.entry(token, s[0] / s[1])));
        // best mean first; ties by the token's text, so the order does not depend on the excerpts' order
        means.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        List<String> out = means.stream().filter(e -> e.getValue() > cutoff).limit(maxTokens).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(ArrayList::new));
        if (out.isEmpty()) {
            out.add(means.get(0).getKey());
        }
        return out;
    }

    /** {@code 'a', 'b'}: each quoted with ' (or " for text holding a '), the form {@link LexicalMatchSimulator} reads. */
    static String quoteAll(List<String> tokens) {
        return tokens.stream().map(t -> t.contains("'") ? "\"" + t + "\"" : "'" + t + "'").collect(Collectors.joining(", "));
    }

    /** A token's text without surrounding whitespace; a whitespace-only token as its escape ("\n"). */
    private static String shown(String token) {
        String text = token.strip();
        return text.isEmpty() ? token.replace("\n", "\\n").replace("\t", "\\t") : text;
    }
}
