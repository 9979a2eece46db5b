package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;

/**
 * An affine projection with the weight kept exactly as the checkpoint stores it, so training can
 * update it in place and saving writes it back unchanged: PyTorch's [out, in] ({@code x @ W^T}),
 * or GPT-2's Conv1D [in, out] ({@code x @ W}).
 *
 * @param bf16 the bfloat16 module holding a copy of the weight under {@code name}, or null for
 *     float32; the copy is made at load time, so a bfloat16 model is for inference, not training
 */
record Linear(NDArray weight, NDArray bias, boolean inOutLayout, Bf16Matmul bf16, String name) {

    static Linear torch(NDArray weight, NDArray bias) {
        return new Linear(weight, bias, false, null, null);
    }

    static Linear conv1d(NDArray weight, NDArray bias) {
        return new Linear(weight, bias, true, null, null);
    }

    /** This projection multiplying in bfloat16 (the bias is still added in float32); as is when {@code kernel} is null. */
    Linear inBf16(Bf16Matmul kernel, String weightName) {
        if (kernel == null) {
            return this;
        }
        if (inOutLayout) {
            try (NDArray torchLayout = weight.transpose()) { // a view: the module copies it into bfloat16
                kernel.keep(weightName, torchLayout);
            }
        } else {
            kernel.keep(weightName, weight);
        }
        return new Linear(weight, bias, inOutLayout, kernel, weightName);
    }

    NDArray apply(NDArray x) {
        NDArray y;
        boolean inBf16 = bf16 != null && !Bf16Matmul.float32PassOnThisThread();
        if (inBf16) {
            y = bf16.linear(x, weight, name);
        } else {
            y = inOutLayout ? x.matMul(weight) : ai.djl.nn.core.Linear.linear(x, weight).singletonOrThrow();
        }
        if (bias == null) {
            return y;
        }
        // y is this call's own fresh product: where nothing records it, the bias goes into it in place,
        // sparing a buffer of y's size (the MLP's widest activation for its first projection). Not the
        // bfloat16 module's output: TorchScript makes it an inference tensor, which PyTorch refuses to
        // update in place outside inference mode (Bf16ParityTest)
        return inBf16 || GradientMode.records(y) ? y.add(bias) : y.addi(bias);
    }
}
