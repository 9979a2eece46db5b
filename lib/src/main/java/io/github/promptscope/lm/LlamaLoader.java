package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.checkpoint.Parameters;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Decoder} from Llama weights: rotary positions, RMSNorm, gated (SwiGLU) MLP,
 * grouped-query attention, optional biases, tied or untied head.
 */
final class LlamaLoader {

    private LlamaLoader() {}

    /** @param bf16 the bfloat16 module every projection and the LM head multiply through, or null for float32 */
    static Decoder load(ModelConfig c, Parameters w, Bf16Matmul bf16) {
        int d = c.hiddenSize();
        int qDim = c.numHeads() * c.headDim();
        int kvDim = c.numKvHeads() * c.headDim();
        int ff = c.intermediateSize();
        Nonlinearity act = Nonlinearities.byName(c.file(), c.activation());
        float scale = (float) (1.0 / Math.sqrt(c.headDim()));
        List<DecoderLayer> layers = new ArrayList<>();
        for (int i = 0; i < c.numLayers(); i++) {
            String p = "layers." + i + ".";
            String a = p + "self_attn.";
            boolean ab = c.attentionBias();
            SelfAttention attn = new SelfAttention(
                    QkvProjection.separate(
                            linear(w, a + "q_proj", d, qDim, ab, bf16),
                            linear(w, a + "k_proj", d, kvDim, ab, bf16),
                            linear(w, a + "v_proj", d, kvDim, ab, bf16)),
                    linear(w, a + "o_proj", qDim, d, ab, bf16),
                    c.numHeads(), c.numKvHeads(), c.headDim(), scale);
            Norm attnNorm = rms(w, p + "input_layernorm", c);
            Mlp mlp = Mlp.gated(
                    linear(w, p + "mlp.gate_proj", d, ff, c.mlpBias(), bf16),
                    linear(w, p + "mlp.up_proj", d, ff, c.mlpBias(), bf16),
                    act,
                    linear(w, p + "mlp.down_proj", ff, d, c.mlpBias(), bf16));
            layers.add(new DecoderLayer(attnNorm, attn, rms(w, p + "post_attention_layernorm", c), mlp));
        }
        NDArray embed = w.get("embed_tokens.weight", c.vocabSize(), d);
        Norm norm = rms(w, "norm", c);
        NDArray head = c.tieWordEmbeddings() ? embed : w.get("lm_head.weight", c.vocabSize(), d);
        return new Decoder(c, embed, null, new RotaryEmbedding(c.headDim(), c.rope()), layers, norm, Linear.torch(head, null).inBf16(bf16, "lm_head.weight"), w.asMap());
    }

    private static Linear linear(Parameters w, String name, int in, int out, boolean bias, Bf16Matmul bf16) {
        return Linear.torch(w.get(name + ".weight", out, in), bias ? w.get(name + ".bias", out) : null)
                .inBf16(bf16, name + ".weight");
    }

    private static Norm rms(Parameters w, String name, ModelConfig c) {
        return Norm.rmsNorm(w.get(name + ".weight", c.hiddenSize()), c.normEps());
    }
}
