package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.checkpoint.Parameters;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link Decoder} from Llama weights: rotary positions, RMSNorm, gated (SwiGLU) MLP,
 * grouped-query attention, optional biases, tied or untied head.
 */
final class LlamaLoader {

    private LlamaLoader() {}

    static Decoder load(ModelConfig c, Parameters w) {
        int d = c.hiddenSize();
        int qDim = c.numHeads() * c.headDim();
        int kvDim = c.numKvHeads() * c.headDim();
        int ff = c.intermediateSize();
        UnaryOperator<NDArray> act = Nonlinearities.byName(c.file(), c.activation());
        float scale = (float) (1.0 / Math.sqrt(c.headDim()));
        List<DecoderLayer> layers = new ArrayList<>();
        for (int i = 0; i < c.numLayers(); i++) {
            String p = "layers." + i + ".";
            String a = p + "self_attn.";
            boolean ab = c.attentionBias();
            SelfAttention attn = new SelfAttention(
                    QkvProjection.separate(
                            linear(w, a + "q_proj", d, qDim, ab),
                            linear(w, a + "k_proj", d, kvDim, ab),
                            linear(w, a + "v_proj", d, kvDim, ab)),
                    linear(w, a + "o_proj", qDim, d, ab),
                    c.numHeads(), c.numKvHeads(), c.headDim(), scale);
            Norm attnNorm = rms(w, p + "input_layernorm", c);
            Mlp mlp = Mlp.gated(
                    linear(w, p + "mlp.gate_proj", d, ff, c.mlpBias()),
                    linear(w, p + "mlp.up_proj", d, ff, c.mlpBias()),
                    act,
                    linear(w, p + "mlp.down_proj", ff, d, c.mlpBias()));
            layers.add(new DecoderLayer(attnNorm, attn, rms(w, p + "post_attention_layernorm", c), mlp));
        }
        NDArray embed = w.get("embed_tokens.weight", c.vocabSize(), d);
        Norm norm = rms(w, "norm", c);
        NDArray head = c.tieWordEmbeddings() ? embed : w.get("lm_head.weight", c.vocabSize(), d);
        return new Decoder(c, embed, null, new RotaryEmbedding(c.headDim(), c.rope()), layers, norm, head, w.asMap());
    }

    private static Linear linear(Parameters w, String name, int in, int out, boolean bias) {
        return Linear.torch(w.get(name + ".weight", out, in), bias ? w.get(name + ".bias", out) : null);
    }

    private static Norm rms(Parameters w, String name, ModelConfig c) {
        return Norm.rmsNorm(w.get(name + ".weight", c.hiddenSize()), c.normEps());
    }
}
