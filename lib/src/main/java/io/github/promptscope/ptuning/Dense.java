package io.github.promptscope.ptuning;

import java.util.List;
import java.util.Random;

/**
 * A fully connected layer as torch.nn.Linear computes it, {@code y = x W^T + b} with W [out][in],
 * applied to every row of a sequence. Keeps its last input for the backward pass.
 */
final class Dense {

    final Param weight;
    final Param bias;
    private double[][] input;

    /** nn.Linear's default init: kaiming_uniform(a = sqrt 5) for W, which is U(+-1/sqrt(in)), and the same bound for b. */
    Dense(String name, int in, int out, Random rng) {
        double bound = 1 / Math.sqrt(in);
        weight = new Param(name + ".weight", out, in).uniform(bound, rng);
        bias = new Param(name + ".bias", 1, out).uniform(bound, rng);
    }

    List<Param> parameters() {
        return List.of(weight, bias);
    }

    /** Output and input start equal when W and b are zero: the residual design's delta starts at nothing. */
    void zero() {
        java.util.Arrays.fill(weight.value, 0);
        java.util.Arrays.fill(bias.value, 0);
    }

    double[][] forward(double[][] x) {
        input = x;
        int out = weight.rows();
        int in = weight.cols();
        double[][] y = new double[x.length][out];
        for (int t = 0; t < x.length; t++) {
            for (int o = 0; o < out; o++) {
                double s = bias.value[o];
                int base = o * in;
                for (int i = 0; i < in; i++) {
                    s += weight.value[base + i] * x[t][i];
                }
                y[t][o] = s;
            }
        }
        return y;
    }

    /** Accumulates dW, db from dL/dy and returns dL/dx. */
    double[][] backward(double[][] dy) {
        int out = weight.rows();
        int in = weight.cols();
        double[][] dx = new double[dy.length][in];
        for (int t = 0; t < dy.length; t++) {
            for (int o = 0; o < out; o++) {
                double g = dy[t][o];
                if (g == 0) {
                    continue;
                }
                bias.grad[o] += g;
                int base = o * in;
                for (int i = 0; i < in; i++) {
                    weight.grad[base + i] += g * input[t][i];
                    dx[t][i] += g * weight.value[base + i];
                }
            }
        }
        return dx;
    }
}
