package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;

/**
 * Which activations one forward pass should hand back, and where it puts them. Scoped to a single
 * call, like TransformerLens's {@code run_with_cache}: nothing stays hooked afterwards.
 */
final class Taps {

    static final Taps NONE = new Taps(-1, -1);

    /** Hugging Face's {@code hidden_states} index: 0 = embeddings, i = output of block i-1. */
    final int hiddenIndex;
    /** Block whose MLP activations (the input of its output projection) to keep. */
    final int mlpLayer;

    NDArray hidden; // [batch, pos, d_model]
    NDArray mlp; // [batch, pos, d_mlp]

    Taps(int hiddenIndex, int mlpLayer) {
        this.hiddenIndex = hiddenIndex;
        this.mlpLayer = mlpLayer;
    }
}
