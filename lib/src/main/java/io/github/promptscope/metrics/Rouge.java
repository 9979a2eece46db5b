package io.github.promptscope.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROUGE-N and ROUGE-L between a reference and a candidate, as rouge_score and sumeval compute them:
 * clipped n-gram overlap for N, longest common subsequence for L; F = 2PR/(P+R).
 */
public final class Rouge {

    private Rouge() {
    }

    public static RougeScore rougeN(String reference, String candidate, int n, Tokenization tokens) {
        return rougeN(tokens.tokenize(reference), tokens.tokenize(candidate), n);
    }

    public static RougeScore rougeL(String reference, String candidate, Tokenization tokens) {
        return rougeL(tokens.tokenize(reference), tokens.tokenize(candidate));
    }

    public static RougeScore rougeN(List<String> reference, List<String> candidate, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        Map<List<String>, Integer> ref = ngrams(reference, n);
        Map<List<String>, Integer> cand = ngrams(candidate, n);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> e : ref.entrySet()) {
            overlap += Math.min(e.getValue(), cand.getOrDefault(e.getKey(), 0));
        }
        int refCount = Math.max(reference.size() - n + 1, 0);
        int candCount = Math.max(candidate.size() - n + 1, 0);
        return RougeScore.of(overlap / (double) Math.max(candCount, 1), overlap / (double) Math.max(refCount, 1));
    }

    public static RougeScore rougeL(List<String> reference, List<String> candidate) {
        if (reference.isEmpty() || candidate.isEmpty()) {
            return new RougeScore(0, 0, 0);
        }
        int lcs = lcsLength(reference, candidate);
        return RougeScore.of(lcs / (double) candidate.size(), lcs / (double) reference.size());
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    static int lcsLength(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }
}
