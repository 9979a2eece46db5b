package io.github.promptscope.ptuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The encoder's head: one Linear(width, width) ({@code mlp_head}, the new design's default) or
 * Linear-ReLU-Linear ({@code mlp_head.0}, {@code mlp_head.2}: THUDM's original and the new design's
 * {@code --mlp 2}).
 */
final class PromptMlp {

    private final Dense first;
    private final Dense second;
    private boolean[][] active;

    PromptMlp(int width, int layers, Random rng) {
        if (layers == 1) {
            first = new Dense("mlp_head", width, width, rng);
            second = null;
        } else if (layers == 2) {
            first = new Dense("mlp_head.0", width, width, rng);
            second = new Dense("mlp_head.2", width, width, rng);
        } else {
            throw new IllegalArgumentException("--mlp must be 1 or 2 (linear layers after the LSTM), got " + layers);
        }
    }

    List<Param> parameters() {
        List<Param> out = new ArrayList<>(first.parameters());
        if (second != null) {
            out.addAll(second.parameters());
        }
        return out;
    }

    /** The last linear layer, whose output is the residual design's delta. */
    Dense last() {
        return second == null ? first : second;
    }

    double[][] forward(double[][] x) {
        double[][] y = first.forward(x);
        if (second == null) {
            return y;
        }
        active = new boolean[y.length][y[0].length];
        for (int t = 0; t < y.length; t++) {
            for (int j = 0; j < y[t].length; j++) {
                active[t][j] = y[t][j] > 0;
                if (!active[t][j]) {
                    y[t][j] = 0;
                }
            }
        }
        return second.forward(y);
    }

    double[][] backward(double[][] dy) {
        if (second == null) {
            return first.backward(dy);
        }
        double[][] d = second.backward(dy);
        for (int t = 0; t < d.length; t++) {
            for (int j = 0; j < d[t].length; j++) {
                if (!active[t][j]) {
                    d[t][j] = 0;
                }
            }
        }
        return first.backward(d);
    }
}
