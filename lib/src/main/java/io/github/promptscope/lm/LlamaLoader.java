package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link Decoder} from Llama weights: rotary positions, RMSNorm, gated (SwiGLU) MLP,
 * grouped-query attention, optional biases, tied or untied head.
 */
final class LlamaLoader {

    private LlamaLoader() {}

    static Decoder load(ModelConfig c, CheckpointWeights w, NDManager m) {
        int d = c.hiddenSize();
        int qDim = c.numHeads() * c.headDim();
        int kvDim = c.numKvHeads() * c.headDim();
        UnaryOperator<NDArray> act = Activations.byName(c.file(), c.activation());
        float scale = (float) (1.0 / Math.sqrt(c.headDim()));
        List<DecoderLayer> layers = new ArrayList<>();
        for (int i = 0; i < c.numLayers(); i++) {
            String p = "layers." + i + ".";
            String a = p + "self_attn.";
            SelfAttention attn = new SelfAttention(
                    linear(w, m, a + "q_proj", d, qDim, c.attentionBias()),
                    linear(w, m, a + "k_proj", d, kvDim, c.attentionBias()),
                    linear(w, m, a + "v_proj", d, kvDim, c.attentionBias()),
                    linear(w, m, a + "o_proj", qDim, d, c.attentionBias()),
                    c.numHeads(), c.numKvHeads(), c.headDim(), scale);
            int ff = c.intermediateSize();
            Mlp mlp = Mlp.gated(
                    linear(w, m, p + "mlp.gate_proj", d, ff, c.mlpBias()),
                    linear(w, m, p + "mlp.up_proj", d, ff, c.mlpBias()),
                    act,
                    linear(w, m, p + "mlp.down_proj", ff, d, c.mlpBias()));
            layers.add(new DecoderLayer(rms(w, m, p + "input_layernorm", c), attn,
                    rms(w, m, p + "post_attention_layernorm", c), mlp));
        }
        NDArray embed = w.load(m, "embed_tokens.weight", c.vocabSize(), d);
        NDArray head = c.tieWordEmbeddings() ? embed : w.load(m, "lm_head.weight", c.vocabSize(), d);
        return new Decoder(c, embed, null, new RotaryEmbedding(c.headDim(), c.rope()), layers,
                rms(w, m, "norm", c), head);
    }

    private static Linear linear(CheckpointWeights w, NDManager m, String name, int in, int out, boolean bias) {
        return new Linear(w.load(m, name + ".weight", out, in), bias ? w.load(m, name + ".bias", out) : null);
    }

    private static Norm rms(CheckpointWeights w, NDManager m, String name, ModelConfig c) {
        return Norm.rmsNorm(w.load(m, name + ".weight", c.hiddenSize()), c.normEps());
    }
}
