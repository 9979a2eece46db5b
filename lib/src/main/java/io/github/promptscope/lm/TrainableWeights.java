package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;

/**
 * The model's weights opened for training, for the optimizers in {@code lm.train}: every tensor by
 * checkpoint name, the manager that owns them, and a differentiable next-token forward pass. Kept
 * inside {@code lm}'s tree on purpose (it hands out NDArrays); code outside {@code lm} never sees it.
 */
public final class TrainableWeights {

    private final LanguageModel model;

    TrainableWeights(LanguageModel model) {
        this.model = model;
    }

    /** Every weight tensor by checkpoint name (prefix dropped), in checkpoint order. */
    public Map<String, NDArray> parameters() {
        return model.decoder().parameters;
    }

    /** The manager that owns the weights; open a sub-manager per step from it. */
    public NDManager manager() {
        return model.weightsManager();
    }

    /**
     * Log-probabilities [batch * pos, vocab] of the next token at every position of {@code inputs}
     * (no padding: every row has the same length), in {@code m}, differentiable when the weights
     * require gradients.
     */
    public NDArray nextTokenLogProbs(NDManager m, long[][] inputs) {
        return model.decoder().nextTokenLogProbs(m, inputs);
    }

    /** Sets every gradient to zero in place (a subtraction would keep a NaN or an infinity). */
    public void zeroGradients() {
        parameters().values().forEach(TrainableWeights::zeroGradient);
    }

    /** PyTorch accumulates gradients; this clears one tensor's for the next step. */
    public static void zeroGradient(NDArray p) {
        ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) p);
    }
}
