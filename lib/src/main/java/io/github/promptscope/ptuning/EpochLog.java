package io.github.promptscope.ptuning;

/**
 * One epoch of training as the log records it: the dev evaluation that starts the epoch, then the
 * training pass (absent, NaN, when early stopping ended the run at this evaluation).
 *
 * @param epoch 0-based; epoch 0's dev evaluation is before any training
 * @param devLoss reference-style loss on dev (per-batch means, then their mean)
 * @param devTokenAccuracy the early-stopping metric
 * @param best whether this dev accuracy was >= the best so far (then test was evaluated and kept)
 * @param trainLoss mean of this epoch's batch losses
 * @param lr the learning rate this epoch trained with
 */
public record EpochLog(int epoch, double devLoss, double devTokenAccuracy, boolean best, double trainLoss, double lr) {}
