package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;

/**
 * An affine projection with the weight kept exactly as the checkpoint stores it, so training can
 * update it in place and saving writes it back unchanged: PyTorch's [out, in] ({@code x @ W^T}),
 * or GPT-2's Conv1D [in, out] ({@code x @ W}).
 */
record Linear(NDArray weight, NDArray bias, boolean inOutLayout) {

    static Linear torch(NDArray weight, NDArray bias) {
        return new Linear(weight, bias, false);
    }

    static Linear conv1d(NDArray weight, NDArray bias) {
        return new Linear(weight, bias, true);
    }

    NDArray apply(NDArray x) {
        NDArray y = inOutLayout ? x.matMul(weight) : ai.djl.nn.core.Linear.linear(x, weight).singletonOrThrow();
        return bias == null ? y : y.add(bias);
    }
}
