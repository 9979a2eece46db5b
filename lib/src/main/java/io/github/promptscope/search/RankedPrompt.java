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

    /** Best first: higher accuracy, ties broken by lower loss (a stable version of the reference's sort). */
    public static final java.util.Comparator<RankedPrompt> BY_ACCURACY_THEN_LOSS =
            java.util.Comparator.comparingDouble((RankedPrompt p) -> -p.meanAccuracy())
                    .thenComparingDouble(RankedPrompt::meanLoss);

    /** Mean log-likelihood of an output token under this prompt. */
    public double meanLogLikelihood() {
        return -meanLoss;
    }
}
