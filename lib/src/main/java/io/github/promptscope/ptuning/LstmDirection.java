package io.github.promptscope.ptuning;

import java.util.List;
import java.util.Random;

/**
 * One direction of one torch.nn.LSTM layer, forward and backward by hand. PyTorch's gate order and
 * equations, zero initial state:
 * <pre>
 *   [i f g o] = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh      (rows of W in that order, 4 x hidden)
 *   i, f, o = sigmoid(.), g = tanh(.)
 *   c_t = f * c_{t-1} + i * g,   h_t = o * tanh(c_t)
 * </pre>
 * A reverse direction reads the sequence from its last step to its first and writes h_t at the step
 * it read, as PyTorch's bidirectional LSTM does.
 */
final class LstmDirection {

    final Param weightIh;
    final Param weightHh;
    final Param biasIh;
    final Param biasHh;
    private final int hidden;
    private final boolean reverse;
    // per step, in reading order: the input, the previous h and c, the gates after their nonlinearity, c
    private double[][] x;
    private double[][] hPrev;
    private double[][] cPrev;
    private double[][] gates;
    private double[][] c;

    /**
     * @param suffix PyTorch's parameter-name suffix, e.g. {@code _l0} or {@code _l1_reverse}
     */
    LstmDirection(String prefix, String suffix, int in, int hidden, boolean reverse, Random rng) {
        this.hidden = hidden;
        this.reverse = reverse;
        double bound = 1 / Math.sqrt(hidden); // PyTorch: every LSTM weight and bias ~ U(-1/sqrt(hidden), 1/sqrt(hidden))
        weightIh = new Param(prefix + ".weight_ih" + suffix, 4 * hidden, in).uniform(bound, rng);
        weightHh = new Param(prefix + ".weight_hh" + suffix, 4 * hidden, hidden).uniform(bound, rng);
        biasIh = new Param(prefix + ".bias_ih" + suffix, 1, 4 * hidden).uniform(bound, rng);
        biasHh = new Param(prefix + ".bias_hh" + suffix, 1, 4 * hidden).uniform(bound, rng);
    }

    /** In PyTorch's state_dict order. */
    List<Param> parameters() {
        return List.of(weightIh, weightHh, biasIh, biasHh);
    }

    /** h_t for every step t of {@code input} [T][in], [T][hidden], in the sequence's order. */
    double[][] forward(double[][] input) {
        int steps = input.length;
        int in = weightIh.cols();
        x = new double[steps][];
        hPrev = new double[steps][];
        cPrev = new double[steps][];
        gates = new double[steps][];
        c = new double[steps][];
        double[][] out = new double[steps][];
        double[] h = new double[hidden];
        double[] cell = new double[hidden];
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            double[] a = new double[4 * hidden];
            for (int r = 0; r < 4 * hidden; r++) {
                double s = biasIh.value[r] + biasHh.value[r];
                int bi = r * in;
                for (int j = 0; j < in; j++) {
                    s += weightIh.value[bi + j] * input[t][j];
                }
                int bh = r * hidden;
                for (int j = 0; j < hidden; j++) {
                    s += weightHh.value[bh + j] * h[j];
                }
                a[r] = s;
            }
            double[] nextC = new double[hidden];
            double[] nextH = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double i = sigmoid(a[j]);
                double f = sigmoid(a[hidden + j]);
                double g = Math.tanh(a[2 * hidden + j]);
                double o = sigmoid(a[3 * hidden + j]);
                a[j] = i;
                a[hidden + j] = f;
                a[2 * hidden + j] = g;
                a[3 * hidden + j] = o;
                nextC[j] = f * cell[j] + i * g;
                nextH[j] = o * Math.tanh(nextC[j]);
            }
            x[k] = input[t];
            hPrev[k] = h;
            cPrev[k] = cell;
            gates[k] = a;
            c[k] = nextC;
            h = nextH;
            cell = nextC;
            out[t] = nextH;
        }
        return out;
    }

    /** Backpropagation through time: accumulates the parameter gradients from dL/dh_t [T][hidden] and returns dL/dx. */
    double[][] backward(double[][] dOut) {
        int steps = x.length;
        int in = weightIh.cols();
        double[][] dx = new double[steps][in];
        double[] dhNext = new double[hidden];
        double[] dcNext = new double[hidden];
        for (int k = steps - 1; k >= 0; k--) {
            int t = reverse ? steps - 1 - k : k;
            double[] a = gates[k];
            double[] da = new double[4 * hidden];
            double[] dcPrev = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double i = a[j];
                double f = a[hidden + j];
                double g = a[2 * hidden + j];
                double o = a[3 * hidden + j];
                double tc = Math.tanh(c[k][j]);
                double dh = dOut[t][j] + dhNext[j];
                double dc = dh * o * (1 - tc * tc) + dcNext[j];
                da[j] = dc * g * i * (1 - i);
                da[hidden + j] = dc * cPrev[k][j] * f * (1 - f);
                da[2 * hidden + j] = dc * i * (1 - g * g);
                da[3 * hidden + j] = dh * tc * o * (1 - o);
                dcPrev[j] = dc * f;
            }
            double[] dhPrev = new double[hidden];
            for (int r = 0; r < 4 * hidden; r++) {
                double g = da[r];
                biasIh.grad[r] += g;
                biasHh.grad[r] += g;
                int bi = r * in;
                for (int j = 0; j < in; j++) {
                    weightIh.grad[bi + j] += g * x[k][j];
                    dx[t][j] += g * weightIh.value[bi + j];
                }
                int bh = r * hidden;
                for (int j = 0; j < hidden; j++) {
                    weightHh.grad[bh + j] += g * hPrev[k][j];
                    dhPrev[j] += g * weightHh.value[bh + j];
                }
            }
            dhNext = dhPrev;
            dcNext = dcPrev;
        }
        return dx;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
