package io.github.promptscope.ptuning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Known answers for one LSTM direction and for Adam, from PyTorch's documented equations evaluated
 * with Python's math module (python3, 2026-12-05; the script is in each test's comment).
 */
class LstmAndAdamTest {

    /*
     * sig = lambda v: 1 / (1 + math.exp(-v)); gates [i, f, g, o]
     * a = W_ih * x + W_hh * h + b;  c = f * c + i * g;  h = o * tanh(c), from h = c = 0
     */
    private static LstmDirection cell(boolean reverse) {
        LstmDirection d = new LstmDirection("lstm", "_l0", 1, 1, reverse, new Random(0));
        System.arraycopy(new double[] {1, 2, 3, 4}, 0, d.weightIh.value, 0, 4);
        System.arraycopy(new double[] {0.5, -0.5, 0.25, 1}, 0, d.weightHh.value, 0, 4);
        System.arraycopy(new double[] {0.1, 0.2, 0.3, 0.4}, 0, d.biasIh.value, 0, 4);
        System.arraycopy(new double[] {0, 0, 0, 0}, 0, d.biasHh.value, 0, 4);
        return d;
    }

    @Test
    void forwardDirectionFollowsPyTorchsGateOrder() {
        double[][] h = cell(false).forward(new double[][] {{1}, {-1}});
        assertEquals(0.6263963163781738, h[0][0], 1e-12);
        assertEquals(-0.01292512275712079, h[1][0], 1e-12);
    }

    @Test
    void reverseDirectionReadsFromTheEndAndWritesEachStepInPlace() {
        // the reverse direction over [1, -1] is the forward one over [-1, 1] (h = -0.00742 then 0.44831),
        // each h written at the step it read: h[1] is the first step (x = -1), h[0] the second
        double[][] h = cell(true).forward(new double[][] {{1}, {-1}});
        assertEquals(0.4483122726515342, h[0][0], 1e-12);
        assertEquals(-0.007416976864722954, h[1][0], 1e-12);
    }

    /*
     * w = 1, weight decay 0.1, lr 0.1, gradients 0.5 then -2: g = grad + wd * w;
     * m = 0.9 m + 0.1 g; v = 0.999 v + 0.001 g^2; w -= lr / (1 - 0.9^t) * m / (sqrt(v) / sqrt(1 - 0.999^t) + 1e-8)
     */
    @Test
    void adamAddsWeightDecayToTheGradientAsTorchDoes() {
        Param w = new Param("w", 1, 1);
        w.value[0] = 1;
        Adam adam = new Adam(List.of(w), 0.1);
        w.grad[0] = 0.5;
        adam.step(0.1);
        assertEquals(0.9000000016666666, w.value[0], 1e-15);
        w.grad[0] = -2.0;
        adam.step(0.1);
        assertEquals(0.9509241284370964, w.value[0], 1e-15);
    }
}
