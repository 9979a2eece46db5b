package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lexical comparison of an explanation with a ground truth, for puzzles and planted neurons: exact
 * match after normalizing, and keyword recall, the share of the truth's content words the
 * explanation contains. Deterministic and model-free; an embedding similarity ({@link PuzzleLoop})
 * complements it where a model is at hand.
 */
public final class ExplanationMatch {

    /** Words that say nothing about what a neuron does. */
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "which", "such", "like", "any",
            "all", "its", "are", "was", "words", "word", "related", "about", "each", "every", "tokens", "token", "text",
            "this", "neuron", "find", "than", "into", "those", "these", "their", "them");

    private ExplanationMatch() {}

    /** Lower case, whitespace collapsed, one final period dropped. */
    public static String normalize(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return t.endsWith(".") ? t.substring(0, t.length() - 1).strip() : t;
    }

    public static boolean exact(String explanation, String truth) {
        return normalize(explanation).equals(normalize(truth));
    }

    /** The words of at least 3 letters that are not stop words, lower case, in order. */
    public static List<String> keywords(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !STOP.contains(w) && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The share of the truth's keywords found in the explanation (0 when the truth has none). Two words
     * match when they share a prefix of at least 4 letters that covers all but at most 2 letters of the
     * shorter one, so "colors" matches "colours" and "country" matches "countries".
     */
    public static double keywordRecall(String explanation, String truth) {
        List<String> wanted = keywords(truth);
        if (wanted.isEmpty()) {
            return 0;
        }
        List<String> have = keywords(explanation);
        int found = 0;
        for (String w : wanted) {
            if (have.stream().anyMatch(h -> sameWord(w, h))) {
                found++;
            }
        }
        return (double) found / wanted.size();
    }

    static boolean sameWord(String a, String b) {
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        int shorter = Math.min(a.length(), b.length());
        return a.equals(b) || (common >= 4 && common >= shorter - 2);
    }
}
