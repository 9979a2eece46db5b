package io.github.promptscope.metrics;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TokenIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Beam search with end-of-sequence banned, as the original's multi-token prompt accuracy decodes
 * ({@code generate(num_beams=4, max_new_tokens=7, length_penalty=0.6)} with EOS banned, spec section 4).
 * With EOS banned every hypothesis ends at the same length, so the length penalty cannot reorder
 * them: the answer is the beam of highest total log-probability after {@code newTokens} steps. Each
 * step keeps the {@code beams} best (beam, next token) pairs over all beams, as {@code transformers}
 * does; the first step starts from the prompt alone, so no two beams begin alike.
 *
 * <p>Each step runs one full forward pass per beam ({@link LanguageModel#nextTokenLogProbs}), with no
 * key-value cache: fine for the short prompts and few tokens of prompt accuracy.
 */
public final class BeamSearch {

    /** A partial continuation and its total log-probability. */
    public record Beam(long[] tokens, double logProb) {}

    private BeamSearch() {}

    /** The best continuation of {@code prefix}: {@code newTokens} tokens, never end-of-sequence. */
    public static Beam decode(LanguageModel lm, long[] prefix, int beams, int newTokens) {
        if (beams < 1 || newTokens < 1) {
            throw new IllegalArgumentException("beams and new tokens must be >= 1, got " + beams + " and " + newTokens);
        }
        Integer eos = lm.config().eosTokenId();
        List<Beam> live = List.of(new Beam(new long[0], 0));
        for (int step = 0; step < newTokens; step++) {
            // a min-heap of the best `beams` extensions seen so far
            PriorityQueue<Beam> best = new PriorityQueue<>(Comparator.comparingDouble(Beam::logProb));
            for (Beam b : live) {
                long[] ids = TokenIds.concat(prefix, b.tokens());
                float[][] lps = lm.nextTokenLogProbs(ids);
                float[] next = lps[lps.length - 1];
                for (int v = 0; v < next.length; v++) {
                    if (eos != null && v == eos) {
                        continue;
                    }
                    double score = b.logProb() + next[v];
                    if (best.size() < beams || score > best.peek().logProb()) {
                        best.add(new Beam(TokenIds.concat(b.tokens(), new long[] {v}), score));
                        if (best.size() > beams) {
                            best.poll();
                        }
                    }
                }
            }
            List<Beam> sorted = new ArrayList<>(best);
            sorted.sort(Comparator.comparingDouble(Beam::logProb).reversed());
            live = sorted;
        }
        return live.get(0);
    }
}
