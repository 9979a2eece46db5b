package io.github.promptscope.lm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The architecture-level facts of a checkpoint, read from its {@code config.json}.
 *
 * <p>GPT-2 and Llama name the same ideas differently ({@code n_embd} vs {@code hidden_size}); this
 * record gives them one vocabulary so the decoder is written once. Defaults are the ones
 * {@code transformers} applies when a field is absent, so a sparse config loads the same way here.
 */
public record ModelConfig(
        Path file,
        Architecture architecture,
        int vocabSize,
        int hiddenSize,
        int numLayers,
        int numHeads,
        int numKvHeads,
        int headDim,
        int intermediateSize,
        int maxPositions,
        double normEps,
        String activation,
        boolean tieWordEmbeddings,
        boolean attentionBias,
        boolean mlpBias,
        boolean scaleAttnWeights,
        boolean scaleAttnByInverseLayerIdx,
        RopeScaling rope,
        Integer bosTokenId,
        Integer eosTokenId) {

    /** The decoder families PromptScope runs. */
    public enum Architecture {
        GPT2("gpt2"),
        LLAMA("llama");

        final String modelType;

        Architecture(String modelType) {
            this.modelType = modelType;
        }

        static Architecture of(Path file, String modelType) {
            for (Architecture a : values()) {
                if (a.modelType.equals(modelType)) {
                    return a;
                }
            }
            throw new CheckpointException(
                    file,
                    "field 'model_type' is '" + modelType + "'; supported: "
                            + List.of(GPT2.modelType, LLAMA.modelType));
        }
    }

    /**
     * Rotary settings. {@code type} is one of default, linear, llama3; the extra numbers are only
     * read by the types that use them.
     */
    public record RopeScaling(
            double theta,
            String type,
            double factor,
            double lowFreqFactor,
            double highFreqFactor,
            int originalMaxPositions) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code dir/config.json}. */
    public static ModelConfig read(Path dir) {
        Path file = dir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "missing; a checkpoint folder needs config.json");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CheckpointException(file, "not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException(file, "expected a JSON object");
        }
        Fields f = new Fields(file, root);
        Architecture arch = Architecture.of(file, f.requireText("model_type"));
        return arch == Architecture.GPT2 ? gpt2(f) : llama(f);
    }

    private static ModelConfig gpt2(Fields f) {
        int hidden = f.requireInt("n_embd");
        int heads = f.requireInt("n_head");
        checkDivisible(f, hidden, heads, "n_embd", "n_head");
        Integer inner = f.optInt("n_inner");
        return new ModelConfig(
                f.file,
                Architecture.GPT2,
                f.requireInt("vocab_size"),
                hidden,
                f.requireInt("n_layer"),
                heads,
                heads,
                hidden / heads,
                inner == null ? 4 * hidden : inner,
                f.requireInt("n_positions"),
                f.optDouble("layer_norm_epsilon", 1e-5),
                f.optText("activation_function", "gelu_new"),
                f.optBool("tie_word_embeddings", true),
                true,
                true,
                f.optBool("scale_attn_weights", true),
                f.optBool("scale_attn_by_inverse_layer_idx", false),
                null,
                f.optInt("bos_token_id"),
                f.optInt("eos_token_id"));
    }

    private static ModelConfig llama(Fields f) {
        int hidden = f.requireInt("hidden_size");
        int heads = f.requireInt("num_attention_heads");
        Integer kv = f.optInt("num_key_value_heads");
        int kvHeads = kv == null ? heads : kv;
        if (kvHeads <= 0 || heads % kvHeads != 0) {
            throw new CheckpointException(
                    f.file,
                    "field 'num_key_value_heads' (" + kvHeads + ") must divide 'num_attention_heads' ("
                            + heads + ")");
        }
        Integer headDim = f.optInt("head_dim");
        if (headDim == null) {
            checkDivisible(f, hidden, heads, "hidden_size", "num_attention_heads");
        }
        return new ModelConfig(
                f.file,
                Architecture.LLAMA,
                f.requireInt("vocab_size"),
                hidden,
                f.requireInt("num_hidden_layers"),
                heads,
                kvHeads,
                headDim == null ? hidden / heads : headDim,
                f.requireInt("intermediate_size"),
                f.optInt("max_position_embeddings") == null ? 2048 : f.optInt("max_position_embeddings"),
                f.optDouble("rms_norm_eps", 1e-6),
                f.optText("hidden_act", "silu"),
                f.optBool("tie_word_embeddings", false),
                f.optBool("attention_bias", false),
                f.optBool("mlp_bias", false),
                true,
                false,
                rope(f),
                f.optInt("bos_token_id"),
                f.optInt("eos_token_id"));
    }

    /**
     * Older configs keep {@code rope_theta} at the top and scaling in {@code rope_scaling}; newer
     * ones put both in {@code rope_parameters}. Either way the numbers are the same.
     */
    private static RopeScaling rope(Fields f) {
        JsonNode params = f.root.path("rope_parameters");
        if (!params.isObject()) {
            params = f.root.path("rope_scaling");
        }
        double theta = params.path("rope_theta").isNumber()
                ? params.path("rope_theta").asDouble()
                : f.optDouble("rope_theta", 10000.0);
        String type = "default";
        if (params.isObject()) {
            type = params.path("rope_type").asText(params.path("type").asText("default"));
        }
        if (!List.of("default", "linear", "llama3").contains(type)) {
            throw new CheckpointException(
                    f.file, "rope type '" + type + "' is not supported; supported: default, linear, llama3");
        }
        return new RopeScaling(
                theta,
                type,
                params.path("factor").asDouble(1.0),
                params.path("low_freq_factor").asDouble(1.0),
                params.path("high_freq_factor").asDouble(4.0),
                params.path("original_max_position_embeddings").asInt(8192));
    }

    private static void checkDivisible(Fields f, int a, int b, String aName, String bName) {
        if (b <= 0 || a % b != 0) {
            throw new CheckpointException(
                    f.file, "field '" + aName + "' (" + a + ") is not divisible by '" + bName + "' (" + b + ")");
        }
    }

    /** Typed access to config fields with errors that name the field. */
    private record Fields(Path file, JsonNode root) {
        String requireText(String name) {
            JsonNode n = root.get(name);
            if (n == null || !n.isTextual()) {
                throw new CheckpointException(file, "missing text field '" + name + "'");
            }
            return n.asText();
        }

        int requireInt(String name) {
            Integer v = optInt(name);
            if (v == null) {
                throw new CheckpointException(file, "missing integer field '" + name + "'");
            }
            if (v <= 0) {
                throw new CheckpointException(file, "field '" + name + "' must be positive, got " + v);
            }
            return v;
        }

        Integer optInt(String name) {
            JsonNode n = root.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isArray() && n.size() > 0 && n.get(0).canConvertToInt()) {
                return n.get(0).asInt(); // eos_token_id may be a list; the first is the canonical one
            }
            if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                throw new CheckpointException(file, "field '" + name + "' must be an integer, got " + n);
            }
            return n.asInt();
        }

        double optDouble(String name, double fallback) {
            JsonNode n = root.get(name);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isNumber()) {
                throw new CheckpointException(file, "field '" + name + "' must be a number, got " + n);
            }
            return n.asDouble();
        }

        boolean optBool(String name, boolean fallback) {
            JsonNode n = root.get(name);
            return n == null || n.isNull() ? fallback : n.asBoolean();
        }

        String optText(String name, String fallback) {
            JsonNode n = root.get(name);
            return n == null || n.isNull() ? fallback : n.asText();
        }
    }
}
