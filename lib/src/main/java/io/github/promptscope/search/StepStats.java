package io.github.promptscope.search;

import java.util.List;

/**
 * One step of a search, as the reference records it per step ({@code all_losses},
 * {@code all_n_correct}) plus the mean over the step's candidates.
 *
 * <p>iPrompt (and Suffix): {@code loss} is the lowest loss among the step's candidates and
 * {@code nCorrect} the most rows any candidate reproduced exactly, each taken separately, as the
 * reference's step returns {@code (losses.min(), n_correct.max())}. AutoPrompt: the loss and
 * correct count of the prompt it keeps after the step (the adopted swap, or the current prompt).
 *
 * @param step the step, from 0
 * @param rows rows in the step's batch
 * @param loss the reference's {@code all_losses} entry (token-weighted cross-entropy, nats)
 * @param nCorrect the reference's {@code all_n_correct} entry (rows)
 * @param meanLoss mean loss over the step's candidates
 * @param meanAccuracy mean accuracy (fraction of rows reproduced) over the step's candidates
 */
public record StepStats(int step, int rows, double loss, int nCorrect, double meanLoss, double meanAccuracy) {

    /** {@code nCorrect} as a fraction of the batch's rows. */
    public double accuracy() {
        return rows == 0 ? 0 : (double) nCorrect / rows;
    }

    /** The statistics of a step whose candidates scored {@code scores}, for iPrompt's definition. */
    static StepStats ofBest(int step, int rows, List<CandidateScorer.Score> scores) {
        double min = Double.POSITIVE_INFINITY;
        int max = 0;
        for (CandidateScorer.Score s : scores) {
            min = Math.min(min, s.loss());
            max = Math.max(max, s.correct());
        }
        return new StepStats(step, rows, min, max, meanLoss(scores), meanAccuracy(scores));
    }

    static double meanLoss(List<CandidateScorer.Score> scores) {
        return scores.stream().mapToDouble(CandidateScorer.Score::loss).average().orElse(Double.NaN);
    }

    static double meanAccuracy(List<CandidateScorer.Score> scores) {
        return scores.stream().mapToDouble(CandidateScorer.Score::accuracy).average().orElse(Double.NaN);
    }
}
