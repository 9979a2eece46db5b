package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link Decoder} from GPT-2 weights: learned positions, LayerNorm, GELU MLP, and Conv1D
 * weights stored [in, out], which are transposed here to the [out, in] layout {@link Linear} takes.
 */
final class Gpt2Loader {

    private Gpt2Loader() {}

    static Decoder load(ModelConfig c, CheckpointWeights w, NDManager m) {
        int d = c.hiddenSize();
        UnaryOperator<NDArray> act = Activations.byName(c.file(), c.activation());
        List<DecoderLayer> layers = new ArrayList<>();
        for (int i = 0; i < c.numLayers(); i++) {
            String p = "h." + i + ".";
            float[] qkvT = transpose(w.floats(p + "attn.c_attn.weight", d, 3L * d), d, 3 * d); // [3d, d]
            float[] qkvBias = w.floats(p + "attn.c_attn.bias", 3L * d);
            Linear[] qkv = new Linear[3];
            for (int j = 0; j < 3; j++) {
                qkv[j] = new Linear(
                        m.create(slice(qkvT, j * d * d, d * d), new Shape(d, d)),
                        m.create(slice(qkvBias, j * d, d), new Shape(d)));
            }
            float scale = c.scaleAttnWeights() ? (float) (1.0 / Math.sqrt(c.headDim())) : 1f;
            if (c.scaleAttnByInverseLayerIdx()) {
                scale /= (i + 1);
            }
            SelfAttention attn = new SelfAttention(qkv[0], qkv[1], qkv[2], conv1d(w, m, p + "attn.c_proj", d, d),
                    c.numHeads(), c.numHeads(), c.headDim(), scale);
            Mlp mlp = Mlp.dense(conv1d(w, m, p + "mlp.c_fc", d, c.intermediateSize()), act,
                    conv1d(w, m, p + "mlp.c_proj", c.intermediateSize(), d));
            layers.add(new DecoderLayer(layerNorm(w, m, p + "ln_1", c), attn, layerNorm(w, m, p + "ln_2", c), mlp));
        }
        NDArray wte = w.load(m, "wte.weight", c.vocabSize(), d);
        NDArray wpe = w.load(m, "wpe.weight", c.maxPositions(), d);
        NDArray head = c.tieWordEmbeddings() ? wte : w.load(m, "lm_head.weight", c.vocabSize(), d);
        return new Decoder(c, wte, wpe, null, layers, layerNorm(w, m, "ln_f", c), head);
    }

    private static Linear conv1d(CheckpointWeights w, NDManager m, String name, int in, int out) {
        float[] t = transpose(w.floats(name + ".weight", in, out), in, out);
        return new Linear(m.create(t, new Shape(out, in)), w.load(m, name + ".bias", out));
    }

    private static Norm layerNorm(CheckpointWeights w, NDManager m, String name, ModelConfig c) {
        int d = c.hiddenSize();
        return Norm.layerNorm(w.load(m, name + ".weight", d), w.load(m, name + ".bias", d), c.normEps());
    }

    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                t[col * rows + r] = a[r * cols + col];
            }
        }
        return t;
    }

    private static float[] slice(float[] a, int from, int len) {
        float[] s = new float[len];
        System.arraycopy(a, from, s, 0, len);
        return s;
    }
}
