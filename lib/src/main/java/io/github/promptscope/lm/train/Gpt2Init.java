package io.github.promptscope.lm.train;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.SafetensorsWriter;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.util.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * A freshly initialised GPT-2 checkpoint folder, ready for {@link LanguageModel#load} and training.
 * Initialisation follows GPT-2: weights N(0, 0.02), residual output projections N(0, 0.02 /
 * sqrt(2 * layers)), biases 0, LayerNorm gain 1.
 */
public final class Gpt2Init {

    /** The size of the model. */
    public record Shape(int layers, int width, int heads, int positions) {
        public Shape {
            if (width % heads != 0) {
                throw new IllegalArgumentException("width " + width + " is not divisible by heads " + heads);
            }
        }

        public long parameterCount(int vocab) {
            long d = width;
            long perLayer = 4 * d + (3 * d * d + 3 * d) + (d * d + d) + (4 * d * d + 4 * d) + (4 * d * d + d);
            return vocab * d + positions * d + layers * perLayer + 2 * d;
        }
    }

    private Gpt2Init() {}

    /** Writes config.json, model.safetensors and the tokenizer files from {@code tokenizerDir} into {@code dir}. */
    public static void create(Path dir, Shape shape, Path tokenizerDir, long seed) throws IOException {
        int vocab;
        Integer eos;
        try (TextTokenizer tok = TextTokenizer.load(tokenizerDir)) {
            vocab = tok.vocabSize();
            long[] ids = tok.encode("<|endoftext|>");
            eos = ids.length == 1 ? (int) ids[0] : null;
        }
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode cfg = json.createObjectNode();
        cfg.putArray("architectures").add("GPT2LMHeadModel");
        cfg.put("model_type", "gpt2");
        cfg.put("vocab_size", vocab);
        cfg.put("n_positions", shape.positions());
        cfg.put("n_embd", shape.width());
        cfg.put("n_layer", shape.layers());
        cfg.put("n_head", shape.heads());
        cfg.putNull("n_inner");
        cfg.put("activation_function", "gelu_new");
        cfg.put("layer_norm_epsilon", 1e-5);
        cfg.put("initializer_range", 0.02);
        cfg.put("resid_pdrop", 0.0);
        cfg.put("embd_pdrop", 0.0);
        cfg.put("attn_pdrop", 0.0);
        cfg.put("tie_word_embeddings", true);
        if (eos != null) {
            cfg.put("bos_token_id", eos);
            cfg.put("eos_token_id", eos);
        }
        cfg.put("torch_dtype", "float32");
        AtomicFiles.writeString(dir.resolve("config.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(cfg));
        for (String f : new String[] {"tokenizer.json", "tokenizer_config.json"}) {
            if (Files.isRegularFile(tokenizerDir.resolve(f)) && !tokenizerDir.equals(dir)) {
                AtomicFiles.copy(tokenizerDir.resolve(f), dir.resolve(f));
            }
        }

        Random rng = new Random(seed);
        int d = shape.width();
        double residStd = 0.02 / Math.sqrt(2.0 * shape.layers());
        Map<String, SafetensorsWriter.Tensor> t = SafetensorsWriter.ordered();
        t.put("transformer.wte.weight", normal(rng, 0.02, vocab, d));
        t.put("transformer.wpe.weight", normal(rng, 0.01, shape.positions(), d));
        for (int i = 0; i < shape.layers(); i++) {
            String p = "transformer.h." + i + ".";
            t.put(p + "ln_1.weight", constant(1f, d));
            t.put(p + "ln_1.bias", constant(0f, d));
            t.put(p + "attn.c_attn.weight", normal(rng, 0.02, d, 3 * d));
            t.put(p + "attn.c_attn.bias", constant(0f, 3 * d));
            t.put(p + "attn.c_proj.weight", normal(rng, residStd, d, d));
            t.put(p + "attn.c_proj.bias", constant(0f, d));
            t.put(p + "ln_2.weight", constant(1f, d));
            t.put(p + "ln_2.bias", constant(0f, d));
            t.put(p + "mlp.c_fc.weight", normal(rng, 0.02, d, 4 * d));
            t.put(p + "mlp.c_fc.bias", constant(0f, 4 * d));
            t.put(p + "mlp.c_proj.weight", normal(rng, residStd, 4 * d, d));
            t.put(p + "mlp.c_proj.bias", constant(0f, d));
        }
        t.put("transformer.ln_f.weight", constant(1f, d));
        t.put("transformer.ln_f.bias", constant(0f, d));
        SafetensorsWriter.write(dir.resolve("model.safetensors"), t, Map.of("format", "pt"));
    }

    private static SafetensorsWriter.Tensor normal(Random rng, double std, int rows, int cols) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * std);
        }
        return new SafetensorsWriter.Tensor(v, new long[] {rows, cols});
    }

    private static SafetensorsWriter.Tensor constant(float value, int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, value);
        return new SafetensorsWriter.Tensor(v, new long[] {n});
    }
}
