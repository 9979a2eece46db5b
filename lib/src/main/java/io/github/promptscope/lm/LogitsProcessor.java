package io.github.promptscope.lm;

import java.util.List;

/**
 * The logits processors that run before sampling, as {@code transformers} applies them: CTRL
 * repetition penalty over every id in the context, banned token sequences
 * ({@code bad_words_ids}), and a minimum length that bans end-of-sequence.
 */
final class LogitsProcessor {

    private final double repetitionPenalty;
    private final List<long[]> banned;
    private final int minNewTokens;
    private final Integer eos;

    LogitsProcessor(GenerationConfig cfg, List<long[]> banned, Integer eos) {
        this.repetitionPenalty = cfg.repetitionPenalty();
        this.banned = banned;
        this.minNewTokens = cfg.minNewTokens();
        this.eos = eos;
    }

    /** Edits {@code logits} in place for a row whose ids so far are {@code context} (prompt and new). */
    void apply(float[] logits, long[] context, int generated) {
        if (repetitionPenalty != 1.0) {
            boolean[] seen = new boolean[logits.length];
            for (long id : context) {
                if (id < logits.length && !seen[(int) id]) {
                    seen[(int) id] = true;
                    float l = logits[(int) id];
                    logits[(int) id] = (float) (l < 0 ? l * repetitionPenalty : l / repetitionPenalty);
                }
            }
        }
        for (long[] seq : banned) {
            if (endsWith(context, seq, seq.length - 1)) {
                logits[(int) seq[seq.length - 1]] = Float.NEGATIVE_INFINITY;
            }
        }
        if (eos != null && generated < minNewTokens) {
            logits[eos] = Float.NEGATIVE_INFINITY;
        }
    }

    /** Whether the context ends with the first {@code n} ids of {@code seq}. */
    private static boolean endsWith(long[] context, long[] seq, int n) {
        if (n > context.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (context[context.length - n + i] != seq[i]) {
                return false;
            }
        }
        return true;
    }
}
