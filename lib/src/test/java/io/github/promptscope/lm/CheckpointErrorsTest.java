package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.CheckpointException;
import io.github.promptscope.lm.checkpoint.SafetensorsWriter;
import io.github.promptscope.lm.checkpoint.TensorEdits;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each malformed checkpoint fails with a message naming the file and the field or tensor. */
class CheckpointErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path copyOf(String fixture) throws IOException {
        Path src = Fixtures.root().resolve(fixture);
        Path dst = tmp.resolve(fixture);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    private static void editConfig(Path dir, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode cfg = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
        edit.accept(cfg);
        JSON.writeValue(dir.resolve("config.json").toFile(), cfg);
    }

    private static void assertFailsNaming(Path dir, String... fragments) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> LanguageModel.load(dir).close());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" should name " + f);
        }
    }

    @Test
    void unknownModelType() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        editConfig(dir, c -> c.put("model_type", "mamba"));
        assertFailsNaming(dir, "config.json", "model_type", "mamba", "gpt2", "llama");
    }

    @Test
    void missingConfigField() throws IOException {
        Path dir = copyOf("llama-gqa");
        editConfig(dir, c -> c.remove("intermediate_size"));
        assertFailsNaming(dir, "config.json", "intermediate_size");
    }

    @Test
    void missingConfigFile() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        Files.delete(dir.resolve("config.json"));
        assertFailsNaming(dir, "config.json", "missing");
    }

    @Test
    void configThatIsNotJson() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        Files.writeString(dir.resolve("config.json"), "{ not json");
        assertFailsNaming(dir, "config.json", "not valid JSON");
    }

    @Test
    void shapeMismatch() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        editConfig(dir, c -> c.put("n_positions", 256));
        assertFailsNaming(dir, "model.safetensors", "wpe.weight", "[128, 64]", "[256, 64]", "config.json",
                "(n_positions = 256)");
    }

    @Test
    void missingTensor() throws IOException {
        Path dir = copyOf("llama-gqa");
        editConfig(dir, c -> c.put("num_hidden_layers", 4));
        assertFailsNaming(dir, "layers.3.", "missing tensor");
    }

    @Test
    void untiedHeadWithoutLmHead() throws IOException {
        Path dir = copyOf("gpt2-base");
        editConfig(dir, c -> c.put("tie_word_embeddings", false));
        assertFailsNaming(dir, "lm_head.weight", "missing tensor");
    }

    @Test
    void missingShard() throws IOException {
        Path dir = copyOf("llama-bf16-sharded");
        Files.delete(dir.resolve("model-00002-of-00003.safetensors"));
        assertFailsNaming(dir, "model.safetensors.index.json", "model-00002-of-00003.safetensors");
    }

    @Test
    void noWeightsAtAll() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        Files.delete(dir.resolve("model.safetensors"));
        assertFailsNaming(dir, "no weights", "model.safetensors");
    }

    @Test
    void tokenizerLargerThanEmbedding() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        // shrink the declared vocabulary below the tokenizer's 400 ids, and the tensor with it
        editConfig(dir, c -> c.put("vocab_size", 300));
        assertFailsNaming(dir, "tokenizer.json", "400", "300");
    }

    @Test
    void missingTokenizer() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        Files.delete(dir.resolve("tokenizer.json"));
        assertFailsNaming(dir, "tokenizer.json", "missing");
    }

    @Test
    void unsupportedTensorType() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        Path file = dir.resolve("model.safetensors");
        // rewrite the header so that one tensor claims to be int8
        byte[] bytes = Files.readAllBytes(file);
        long headerLen = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8);
        String mangled = header.replaceFirst("\"dtype\":\"F32\"", "\"dtype\":\"I8\" ");
        assertTrue(!mangled.equals(header));
        byte[] h = mangled.getBytes(StandardCharsets.UTF_8);
        assertTrue(h.length == headerLen);
        System.arraycopy(h, 0, bytes, 8, h.length);
        Files.write(file, bytes);
        assertFailsNaming(dir, "model.safetensors", "dtype I8");
    }

    @Test
    void unsupportedActivation() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        editConfig(dir, c -> c.put("activation_function", "mish"));
        assertFailsNaming(dir, "config.json", "mish");
    }

    @Test
    void configWithFewerLayersThanTheWeights() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        editConfig(dir, c -> c.put("n_layer", 1)); // the weights hold layers 0 and 1
        assertFailsNaming(dir, "model.safetensors", "config.json", "'n_layer' is 1", "transformer.h.1.attn.c_attn.weight");
    }

    @Test
    void llamaConfigWithFewerLayersThanTheWeights() throws IOException {
        Path dir = copyOf("llama-gqa");
        editConfig(dir, c -> c.put("num_hidden_layers", c.get("num_hidden_layers").asInt() - 1));
        assertFailsNaming(dir, "config.json", "num_hidden_layers", "model.layers.");
    }

    @Test
    void tensorsTheModelDoesNotUse() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        TensorEdits.rewrite(dir.resolve("model.safetensors"), t -> {
            t.put("score.weight", new SafetensorsWriter.Tensor(new float[64 * 2], new long[] {2, 64}));
            t.put("transformer.h.0.adapter.weight", new SafetensorsWriter.Tensor(new float[4], new long[] {4}));
        });
        assertFailsNaming(dir, "model.safetensors", "2 tensors are not used", "'score.weight'",
                "'transformer.h.0.adapter.weight'");
    }

    @Test
    void savedBuffersAreNotWeights() throws IOException {
        // Hugging Face GPT-2 checkpoints may carry each layer's causal mask; it is a buffer, not an unused weight
        Path dir = copyOf("gpt2-lmhead");
        TensorEdits.rewrite(dir.resolve("model.safetensors"), t -> t.put("transformer.h.0.attn.bias",
                new SafetensorsWriter.Tensor(new float[4], new long[] {1, 1, 2, 2})));
        LanguageModel.load(dir).close();
    }

    @Test
    void nanWeightIsNamedAtLoad() throws IOException {
        Path dir = copyOf("gpt2-lmhead");
        TensorEdits.edit(dir.resolve("model.safetensors"), "transformer.h.1.mlp.c_fc.weight", v -> {
            v[70] = Float.NaN;
            return v;
        });
        assertFailsNaming(dir, "model.safetensors", "'transformer.h.1.mlp.c_fc.weight'", "NaN", "index 70");
    }

    @Test
    void infiniteWeightIsNamedAtLoad() throws IOException {
        Path dir = copyOf("llama-gqa");
        TensorEdits.edit(dir.resolve("model.safetensors"), "model.norm.weight", v -> {
            v[3] = Float.NEGATIVE_INFINITY;
            return v;
        });
        assertFailsNaming(dir, "model.safetensors", "'model.norm.weight'", "-Infinity", "index 3");
    }
}
