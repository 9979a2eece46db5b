package io.github.promptscope.lm;

/**
 * The teacher-forced loss of a batch of {@link SoftSequence}s and its gradient with respect to the
 * soft rows.
 *
 * @param loss mean cross-entropy (nats) over every target token of the batch, each token weighted equally
 * @param gradient d loss / d row, [rows][d_model]; a row no sequence uses gets zeros
 */
public record SoftPromptLoss(double loss, float[][] gradient) {}
