package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;

/** A normalisation over the last axis: GPT-2's LayerNorm or Llama's RMSNorm. */
interface Norm {

    NDArray apply(NDArray x);

    static Norm layerNorm(NDArray gamma, NDArray beta, double eps) {
        Shape shape = gamma.getShape();
        return x -> LayerNorm.layerNorm(x, shape, gamma, beta, (float) eps).singletonOrThrow();
    }

    /** {@code x * rsqrt(mean(x^2) + eps) * weight}, as {@code LlamaRMSNorm} computes it in float32. */
    static Norm rmsNorm(NDArray weight, double eps) {
        return x -> {
            NDArray variance = x.square().mean(new int[] {-1}, true);
            // constants through TorchScalars: autograd keeps them until backward
            return x.mul(TorchScalars.pow(TorchScalars.add(variance, (float) eps).sqrt(), -1)).mul(weight);
        };
    }
}
