package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;

/**
 * {@code x @ W^T + b} with the weight in PyTorch's [out, in] layout (GPT-2's Conv1D weights are
 * transposed at load time so that every projection goes through this one op).
 */
record Linear(NDArray weight, NDArray bias) {

    NDArray apply(NDArray x) {
        NDArray y = ai.djl.nn.core.Linear.linear(x, weight).singletonOrThrow();
        return bias == null ? y : y.add(bias);
    }

    long outFeatures() {
        return weight.getShape().get(0);
    }
}
