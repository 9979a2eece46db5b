package io.github.promptscope.ptuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * torch.nn.LSTM(input_size = width, hidden_size = width / 2, num_layers = 2, bidirectional = True,
 * batch_first = True) over one sequence, dropout 0 (the references' default): each layer's output
 * is [forward h_t, reverse h_t] concatenated, width wide again, and feeds the next layer.
 */
final class BiLstm {

    static final int LAYERS = 2;

    private final List<LstmDirection[]> layers = new ArrayList<>();
    private final int half;

    /** Parameters are drawn in PyTorch's state_dict order (l0, l0_reverse, l1, l1_reverse). */
    BiLstm(String prefix, int width, Random rng) {
        if (width % 2 != 0) {
            throw new IllegalArgumentException("the prompt encoder's BiLSTM needs an even width (hidden " + width
                    + " / 2 per direction, concatenated back to " + width + ")");
        }
        half = width / 2;
        for (int l = 0; l < LAYERS; l++) {
            layers.add(new LstmDirection[] {
                new LstmDirection(prefix, "_l" + l, width, half, false, rng),
                new LstmDirection(prefix, "_l" + l + "_reverse", width, half, true, rng)});
        }
    }

    List<Param> parameters() {
        List<Param> out = new ArrayList<>();
        for (LstmDirection[] layer : layers) {
            out.addAll(layer[0].parameters());
            out.addAll(layer[1].parameters());
        }
        return out;
    }

    double[][] forward(double[][] x) {
        double[][] h = x;
        for (LstmDirection[] layer : layers) {
            double[][] fwd = layer[0].forward(h);
            double[][] bwd = layer[1].forward(h);
            h = new double[x.length][2 * half];
            for (int t = 0; t < x.length; t++) {
                System.arraycopy(fwd[t], 0, h[t], 0, half);
                System.arraycopy(bwd[t], 0, h[t], half, half);
            }
        }
        return h;
    }

    double[][] backward(double[][] dy) {
        double[][] d = dy;
        for (int l = layers.size() - 1; l >= 0; l--) {
            double[][] dFwd = new double[d.length][];
            double[][] dBwd = new double[d.length][];
            for (int t = 0; t < d.length; t++) {
                dFwd[t] = java.util.Arrays.copyOfRange(d[t], 0, half);
                dBwd[t] = java.util.Arrays.copyOfRange(d[t], half, 2 * half);
            }
            double[][] a = layers.get(l)[0].backward(dFwd);
            double[][] b = layers.get(l)[1].backward(dBwd);
            for (int t = 0; t < a.length; t++) {
                for (int j = 0; j < a[t].length; j++) {
                    a[t][j] += b[t][j];
                }
            }
            d = a;
        }
        return d;
    }
}
