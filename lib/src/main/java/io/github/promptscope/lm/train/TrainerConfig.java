package io.github.promptscope.lm.train;


/**
 * Settings of a training run. Defaults suit a few-million-parameter GPT-2 on two CPU cores.
 *
 * @param steps optimizer steps in all
 * @param batchSize sequences per step
 * @param seqLen tokens per sequence (packed, documents separated by end-of-text)
 * @param learningRate peak learning rate, reached after warmup
 * @param minLearningRate floor of the cosine decay
 * @param warmupSteps linear warmup from 0
 * @param weightDecay AdamW decoupled decay, applied to matrices only
 * @param beta1 AdamW first-moment decay
 * @param beta2 AdamW second-moment decay
 * @param epsilon AdamW denominator guard
 * @param gradClip global gradient-norm clip (0: none)
 * @param seed seed of the data order
 * @param checkpointEvery save a resumable checkpoint every N steps (0: only at the end)
 * @param evalEvery measure validation loss every N steps (0: only at the end)
 * @param evalSequences validation sequences per evaluation
 */
public record TrainerConfig(
        int steps,
        int batchSize,
        int seqLen,
        double learningRate,
        double minLearningRate,
        int warmupSteps,
        double weightDecay,
        double beta1,
        double beta2,
        double epsilon,
        double gradClip,
        long seed,
        int checkpointEvery,
        int evalEvery,
        int evalSequences) {

    public static TrainerConfig defaults() {
        return new TrainerConfig(3000, 16, 128, 3e-3, 3e-4, 100, 0.1, 0.9, 0.95, 1e-8, 1.0, 0, 250, 250, 64);
    }

    public TrainerConfig withSteps(int n) {
        return new TrainerConfig(n, batchSize, seqLen, learningRate, minLearningRate, warmupSteps, weightDecay, beta1,
                beta2, epsilon, gradClip, seed, checkpointEvery, evalEvery, evalSequences);
    }

    public TrainerConfig withSeed(long s) {
        return new TrainerConfig(steps, batchSize, seqLen, learningRate, minLearningRate, warmupSteps, weightDecay,
                beta1, beta2, epsilon, gradClip, s, checkpointEvery, evalEvery, evalSequences);
    }

    public TrainerConfig withBatch(int batch, int len) {
        return new TrainerConfig(steps, batch, len, learningRate, minLearningRate, warmupSteps, weightDecay, beta1,
                beta2, epsilon, gradClip, seed, checkpointEvery, evalEvery, evalSequences);
    }

    public TrainerConfig withLearningRate(double peak, double floor, int warmup) {
        return new TrainerConfig(steps, batchSize, seqLen, peak, floor, warmup, weightDecay, beta1, beta2, epsilon,
                gradClip, seed, checkpointEvery, evalEvery, evalSequences);
    }

    public TrainerConfig withSchedule(int checkpoint, int eval, int evalSeqs) {
        return new TrainerConfig(steps, batchSize, seqLen, learningRate, minLearningRate, warmupSteps, weightDecay,
                beta1, beta2, epsilon, gradClip, seed, checkpoint, eval, evalSeqs);
    }

    /** Linear warmup, then cosine decay from the peak to the floor at the last step. */
    public double learningRateAt(int step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        double progress = (double) (step - warmupSteps) / Math.max(1, steps - warmupSteps);
        return minLearningRate + 0.5 * (learningRate - minLearningRate) * (1 + Math.cos(Math.PI * Math.min(1, progress)));
    }
}
