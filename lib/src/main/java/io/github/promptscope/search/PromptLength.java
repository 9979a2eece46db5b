package io.github.promptscope.search;

import io.github.promptscope.lm.LanguageModel;
import java.util.List;

/**
 * How many tokens a searched prompt may have on a model and data. Every candidate is scored as
 * {@code [preprefix][prompt][input][output]} in at most {@code maxLength} tokens (and no more than
 * the model's positions), the input cut from the left to fit; a prompt that leaves no room for the
 * longest output and one input token scores nothing meaningful (a 250-token prompt on a 128-token
 * sequence was ranked first and "correct"), and one past the model's positions cannot be proposed.
 * Every search checks this before its first step; the command line checks it first to name its flag.
 */
public final class PromptLength {

    private PromptLength() {}

    /** The longest prompt, in tokens, that {@code cfg}'s sequences on {@code model} hold with these outputs. */
    public static int max(LanguageModel model, IPromptConfig cfg, List<String> outputs) {
        return sequence(model, cfg) - fixed(model, cfg, outputs) - 1; // - 1: at least one token of the input
    }

    /** The longest scored sequence: {@code maxLength}, or the model's positions when fewer. */
    public static int sequence(LanguageModel model, IPromptConfig cfg) {
        return Math.min(cfg.maxLength(), model.config().maxPositions());
    }

    /** Tokens every sequence spends besides the prompt and the input: the preprefix and the longest output. */
    public static int fixed(LanguageModel model, IPromptConfig cfg, List<String> outputs) {
        int longest = outputs.stream().mapToInt(o -> model.tokenizer().encode(o).length).max().orElse(0);
        int preprefix = cfg.preprefix().isEmpty() ? 0 : model.tokenizer().encode(cfg.preprefix()).length;
        return preprefix + longest;
    }

    /** Fails, naming {@code numLearnedTokens} and the limit, when the prompt does not fit. */
    static void check(LanguageModel model, IPromptConfig cfg, List<String> outputs) {
        int max = max(model, cfg, outputs);
        if (cfg.numLearnedTokens() > max) {
            throw new IllegalArgumentException("numLearnedTokens " + cfg.numLearnedTokens() + " is more than this model"
                    + " and data allow: at most " + max + " (scored sequences hold " + sequence(model, cfg)
                    + " tokens (maxLength, the model's positions), of which the preprefix and the longest output take "
                    + fixed(model, cfg, outputs) + " and the input at least 1)");
        }
    }
}
