package io.github.promptscope.ptuning;

/**
 * Everything a P-tuning run is set up with; defaults are the reference's ({@code tuning.py} CLI,
 * spec B2). Serialised whole into each run's {@code run.json}.
 *
 * @param prefix p, prompt vectors before the query
 * @param infix q, prompt vectors between the query and the answer
 * @param design which prompt encoder (or the untuned human prompt)
 * @param init the new design's anchors: the human prompt's tokens or p + q random vocabulary ids
 * @param residual the new design adds its input back (prompt = anchor + learned delta)
 * @param mlp linear layers after the new design's LSTM, 1 or 2 (the original always has 2)
 * @param zeroDelta with the residual, start the last linear layer at zero so the prompt starts at its anchors
 * @param lr Adam's learning rate (reference 1e-5, tuned for a 1.3B model; a small model needs more)
 * @param weightDecay added to the gradient, L2-style, as torch.optim.Adam does
 * @param decayRate ExponentialLR's gamma, applied once per epoch
 * @param batch training batch size (shuffled, the last partial batch dropped)
 * @param evalBatch dev/test batch size (metrics are per-batch means, so it matters)
 * @param epochs at most this many epochs
 * @param earlyStop stop after this many dev evaluations without a new best token accuracy
 * @param seed encoder init, random anchors and shuffling
 * @param maxQuery query tokens kept (the first ones)
 * @param maxAnswer answer tokens kept before the end-of-sequence token
 */
public record PTuningConfig(int prefix, int infix, Design design, Init init, boolean residual, int mlp,
        boolean zeroDelta, double lr, double weightDecay, double decayRate, int batch, int evalBatch, int epochs,
        int earlyStop, long seed, int maxQuery, int maxAnswer) {

    /** The prompt encoder, or none: the human prompt's own tokens, untuned. */
    public enum Design { ORIGINAL, NEW, HARD }

    /** Where the new design's anchor tokens come from. */
    public enum Init { TEMPLATE, RANDOM }

    public PTuningConfig {
        if (prefix < 0 || infix < 0 || prefix + infix == 0) {
            throw new IllegalArgumentException("--template needs two non-negative counts with a positive sum, got "
                    + prefix + "," + infix);
        }
        if (mlp != 1 && mlp != 2) {
            throw new IllegalArgumentException("--mlp must be 1 or 2, got " + mlp);
        }
        positive("--lr", lr);
        positive("--batch", batch);
        positive("--eval-batch", evalBatch);
        positive("--max-query", maxQuery);
        positive("--max-answer", maxAnswer);
        if (epochs < 0) {
            throw new IllegalArgumentException("--epochs must be 0 or more, got " + epochs);
        }
        positive("--early-stop", earlyStop);
        if (weightDecay < 0 || decayRate <= 0 || decayRate > 1) {
            throw new IllegalArgumentException("weight decay must be >= 0 and the decay rate in (0, 1], got "
                    + weightDecay + " and " + decayRate);
        }
    }

    public static PTuningConfig defaults() {
        return new PTuningConfig(3, 3, Design.ORIGINAL, Init.TEMPLATE, false, 1, true, 1e-5, 5e-4, 0.98, 4, 8, 60, 20,
                42, 512, 64);
    }

    public int slots() {
        return prefix + infix;
    }

    public PTuningConfig withTemplate(int p, int q) {
        return new PTuningConfig(p, q, design, init, residual, mlp, zeroDelta, lr, weightDecay, decayRate, batch,
                evalBatch, epochs, earlyStop, seed, maxQuery, maxAnswer);
    }

    public PTuningConfig withDesign(Design d, Init i, boolean res, int layers) {
        return new PTuningConfig(prefix, infix, d, i, res, layers, zeroDelta, lr, weightDecay, decayRate, batch,
                evalBatch, epochs, earlyStop, seed, maxQuery, maxAnswer);
    }

    public PTuningConfig withZeroDelta(boolean zero) {
        return new PTuningConfig(prefix, infix, design, init, residual, mlp, zero, lr, weightDecay, decayRate, batch,
                evalBatch, epochs, earlyStop, seed, maxQuery, maxAnswer);
    }

    public PTuningConfig withTraining(double learningRate, int batchSize, int maxEpochs, long rngSeed) {
        return new PTuningConfig(prefix, infix, design, init, residual, mlp, zeroDelta, learningRate, weightDecay,
                decayRate, batchSize, evalBatch, maxEpochs, earlyStop, rngSeed, maxQuery, maxAnswer);
    }

    public PTuningConfig withEarlyStop(int patience) {
        return new PTuningConfig(prefix, infix, design, init, residual, mlp, zeroDelta, lr, weightDecay, decayRate,
                batch, evalBatch, epochs, patience, seed, maxQuery, maxAnswer);
    }

    private static void positive(String flag, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(flag + " must be positive, got " + v);
        }
    }
}
