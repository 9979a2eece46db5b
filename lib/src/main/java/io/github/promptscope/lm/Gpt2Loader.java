package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.checkpoint.Parameters;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Decoder} from GPT-2 weights: learned positions, LayerNorm, dense GELU MLP, a fused
 * query-key-value projection, and Conv1D weights used in their stored [in, out] layout.
 */
final class Gpt2Loader {

    private Gpt2Loader() {}

    /** @param bf16 the bfloat16 module every projection and the LM head multiply through, or null for float32 */
    static Decoder load(ModelConfig c, Parameters w, Bf16Matmul bf16) {
        int d = c.hiddenSize();
        int ff = c.intermediateSize();
        Nonlinearity act = Nonlinearities.byName(c.file(), c.activation());
        List<DecoderLayer> layers = new ArrayList<>();
        for (int i = 0; i < c.numLayers(); i++) {
            String p = "h." + i + ".";
            float scale = c.scaleAttnWeights() ? (float) (1.0 / Math.sqrt(c.headDim())) : 1f;
            if (c.scaleAttnByInverseLayerIdx()) {
                scale /= (i + 1);
            }
            SelfAttention attn = new SelfAttention(
                    QkvProjection.fused(conv1d(w, p + "attn.c_attn", d, 3 * d, bf16), d, d),
                    conv1d(w, p + "attn.c_proj", d, d, bf16),
                    c.numHeads(), c.numHeads(), c.headDim(), scale);
            Mlp mlp = Mlp.dense(conv1d(w, p + "mlp.c_fc", d, ff, bf16), act, conv1d(w, p + "mlp.c_proj", ff, d, bf16));
            layers.add(new DecoderLayer(layerNorm(w, p + "ln_1", c), attn, layerNorm(w, p + "ln_2", c), mlp));
        }
        NDArray wte = w.get("wte.weight", c.vocabSize(), d);
        NDArray wpe = w.get("wpe.weight", c.maxPositions(), d);
        Norm lnF = layerNorm(w, "ln_f", c);
        NDArray head = c.tieWordEmbeddings() ? wte : w.get("lm_head.weight", c.vocabSize(), d);
        return new Decoder(c, wte, wpe, null, layers, lnF, Linear.torch(head, null).inBf16(bf16, "lm_head.weight"), w.asMap());
    }

    private static Linear conv1d(Parameters w, String name, int in, int out, Bf16Matmul bf16) {
        return Linear.conv1d(w.get(name + ".weight", in, out), w.get(name + ".bias", out)).inBf16(bf16, name + ".weight");
    }

    private static Norm layerNorm(Parameters w, String name, ModelConfig c) {
        int d = c.hiddenSize();
        return Norm.layerNorm(w.get(name + ".weight", d), w.get(name + ".bias", d), c.normEps());
    }
}
