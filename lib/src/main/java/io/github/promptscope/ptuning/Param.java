package io.github.promptscope.ptuning;

import java.util.Arrays;
import java.util.Random;

/**
 * One trainable tensor of a prompt encoder, flat and row-major, with its gradient beside it. Double
 * precision: the encoder is small (a few hundred thousand numbers) and the gradient check compares it
 * with finite differences, which float rounding would swamp.
 */
public final class Param {

    private final String name;
    private final int rows;
    private final int cols;
    final double[] value;
    final double[] grad;

    Param(String name, int rows, int cols) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.value = new double[rows * cols];
        this.grad = new double[rows * cols];
    }

    /** The name PyTorch gives this tensor in the encoder's state_dict (e.g. {@code lstm_head.weight_ih_l0}). */
    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return value.length;
    }

    /** The values (the live array: writes change the encoder). */
    public double[] values() {
        return value;
    }

    /** The gradient accumulated since the last {@link #zeroGrad()} (the live array). */
    public double[] gradient() {
        return grad;
    }

    void zeroGrad() {
        Arrays.fill(grad, 0);
    }

    /** Uniform in [-bound, bound): PyTorch's LSTM init (bound 1/sqrt(hidden)) and nn.Linear's (1/sqrt(fan_in)). */
    Param uniform(double bound, Random rng) {
        for (int i = 0; i < value.length; i++) {
            value[i] = (rng.nextDouble() * 2 - 1) * bound;
        }
        return this;
    }

    /** N(0, 1): PyTorch's nn.Embedding init. */
    Param normal(Random rng) {
        for (int i = 0; i < value.length; i++) {
            value[i] = rng.nextGaussian();
        }
        return this;
    }
}
