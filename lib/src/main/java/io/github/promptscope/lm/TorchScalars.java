package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant on the differentiable path (the forward pass that training runs).
 *
 * <p>DJL's {@code x.mul(0.5f)}, {@code x.pow(3)} and the like wrap the constant in a 0-d tensor over a
 * Java direct buffer and close it as soon as the operation returns. Autograd keeps that tensor for the
 * backward pass (the derivative of {@code x * c} is {@code c}), but its memory belongs to the Java
 * buffer, which the garbage collector frees once the wrapper is closed. A collection between forward and
 * backward therefore made backward read freed memory: a finetune's gradients came out wrong, or NaN
 * (the step skipped), at steps that depended on when the collector ran, so runs of the same seed left
 * each other at one step (README, "Repeatability"). Here the constant is allocated by PyTorch
 * ({@code torch::full}), reference-counted, so the copy autograd keeps stays valid; the values are the
 * same floats as DJL's.
 */
final class TorchScalars {

    private TorchScalars() {}

    static NDArray mul(NDArray x, float c) {
        try (NDArray s = constant(x, c)) {
            return x.mul(s);
        }
    }

    static NDArray add(NDArray x, float c) {
        try (NDArray s = constant(x, c)) {
            return x.add(s);
        }
    }

    static NDArray pow(NDArray x, float c) {
        try (NDArray s = constant(x, c)) {
            return x.pow(s);
        }
    }

    /** A 0-d float32 tensor in {@code like}'s manager, its memory owned by PyTorch. */
    private static NDArray constant(NDArray like, float c) {
        return like.getManager().full(new Shape(), c, DataType.FLOAT32);
    }
}
