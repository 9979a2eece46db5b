package io.github.promptscope.search;

/**
 * One prompt a search found, with how well it explains the data.
 *
 * @param text the decoded prompt (usually with a leading space)
 * @param ids its token ids, exactly as scored (prompts are never re-tokenized during a search)
 * @param meanLoss mean over evaluations of the token-weighted cross-entropy of the outputs (nats)
 * @param meanAccuracy mean over evaluations of the fraction of examples reproduced exactly
 * @param evaluations how many batches it was scored on
 */
public record RankedPrompt(String text, long[] ids, double meanLoss, double meanAccuracy, int evaluations) {

    /** Mean log-likelihood of an output token under this prompt. */
    public double meanLogLikelihood() {
        return -meanLoss;
    }
}
