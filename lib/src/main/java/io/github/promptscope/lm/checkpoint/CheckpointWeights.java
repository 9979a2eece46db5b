package io.github.promptscope.lm.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The tensors of a checkpoint folder, by their architecture-relative name.
 *
 * <p>Hugging Face saves the same weight as {@code transformer.h.0.attn.c_attn.weight} from an LM-head
 * model and {@code h.0.attn.c_attn.weight} from a bare base model ({@code model.} for Llama); the
 * prefix is dropped here so the builders ask for one name. Sharded checkpoints are found through
 * {@code model.safetensors.index.json}.
 */
public final class CheckpointWeights {

    private static final List<String> PREFIXES = List.of("transformer.", "model.");

    private final Path dir;
    private final List<SafetensorsFile> files;
    /** Name with the prefix dropped -> where it is stored. */
    private final Map<String, Located> byName = new HashMap<>();

    private record Located(SafetensorsFile file, SafetensorsFile.Entry entry) {}

    public CheckpointWeights(Path dir) {
        this.dir = dir;
        this.files = discover(dir).stream().map(SafetensorsFile::new).toList();
        for (SafetensorsFile f : files) {
            for (SafetensorsFile.Entry e : f.entries().values()) {
                byName.put(stripPrefix(e.name()), new Located(f, e));
            }
        }
    }

    private static List<Path> discover(Path dir) {
        Path single = dir.resolve("model.safetensors");
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        Path index = dir.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            return shardsOf(index);
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> any = s.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().toList();
            if (!any.isEmpty()) {
                return any;
            }
        } catch (IOException e) {
            throw new CheckpointException(dir, "cannot list folder: " + e.getMessage(), e);
        }
        throw new CheckpointException(
                dir, "no weights: expected model.safetensors or model.safetensors.index.json with its shards");
    }

    private static List<Path> shardsOf(Path index) {
        try {
            JsonNode map = new ObjectMapper().readTree(index.toFile()).path("weight_map");
            if (!map.isObject() || map.isEmpty()) {
                throw new CheckpointException(index, "field 'weight_map' is missing or empty");
            }
            TreeSet<String> shards = new TreeSet<>();
            for (Iterator<JsonNode> it = map.elements(); it.hasNext(); ) {
                shards.add(it.next().asText());
            }
            return shards.stream()
                    .map(name -> {
                        Path p = index.resolveSibling(name);
                        if (!Files.isRegularFile(p)) {
                            throw new CheckpointException(index, "names shard '" + name + "', which is missing");
                        }
                        return p;
                    })
                    .toList();
        } catch (IOException e) {
            throw new CheckpointException(index, "not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String stripPrefix(String name) {
        for (String p : PREFIXES) {
            if (name.startsWith(p)) {
                return name.substring(p.length());
            }
        }
        return name;
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    /** Loads a tensor as float32 into {@code manager}, checking its shape. */
    public NDArray load(NDManager manager, String name, long... expectedShape) {
        NDArray array = manager.create(floats(name, expectedShape), new Shape(expectedShape));
        array.setName(name);
        return array;
    }

    /** A tensor's values, row-major, after checking its shape. */
    public float[] floats(String name, long... expectedShape) {
        Located at = byName.get(name);
        if (at == null) {
            throw new CheckpointException(
                    files.size() == 1 ? files.get(0).file() : dir,
                    "missing tensor '" + name + "' (looked for it with and without the prefixes " + PREFIXES + ")");
        }
        if (!Arrays.equals(at.entry().shape(), expectedShape)) {
            throw new CheckpointException(
                    at.file().file(),
                    "tensor '" + at.entry().name() + "' has shape " + Arrays.toString(at.entry().shape())
                            + ", config.json implies " + Arrays.toString(expectedShape)
                            + fieldsImplying(expectedShape, at.entry().shape()));
        }
        float[] values = at.file().readFloats(at.entry());
        requireFinite(at, values);
        return values;
    }

    /**
     * The config.json fields whose value is a mismatched dimension ("n_positions = 256"), so the user
     * knows which number to check; empty when the dimension is derived (4 x n_embd) and no field holds it.
     */
    private String fieldsImplying(long[] expected, long[] actual) {
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
        } catch (IOException | RuntimeException e) {
            return "";
        }
        TreeSet<String> fields = new TreeSet<>();
        for (int d = 0; d < expected.length; d++) {
            if (d < actual.length && expected[d] == actual[d]) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isIntegralNumber() && f.getValue().asLong() == expected[d]) {
                    fields.add(f.getKey() + " = " + expected[d]);
                }
            }
        }
        return fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")";
    }

    /**
     * A NaN or infinite weight makes every loss NaN, and a search would still rank prompts by it;
     * refuse it here, where the tensor can be named, not several layers later.
     */
    private static void requireFinite(Located at, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new CheckpointException(at.file().file(), "tensor '" + at.entry().name() + "' holds " + values[i]
                        + " at flat index " + i + "; every weight must be finite (was it saved after a diverged step?)");
            }
        }
    }

    /**
     * Fails when the checkpoint holds tensors the model did not load: a {@code config.json} that says
     * 3 layers would otherwise run the first 3 layers of a 4-layer checkpoint and quietly drop the
     * last. {@code used} are the names the builder asked for; buffers Hugging Face saves beside the
     * weights (GPT-2's causal masks, Llama's rotary frequencies) and a tied head's copy are not weights.
     */
    public void requireAllUsed(Set<String> used, ModelConfig config) {
        List<Located> unused = byName.entrySet().stream()
                .filter(e -> !used.contains(e.getKey()) && !isBuffer(e.getKey(), config))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing((Located l) -> l.entry().name()))
                .toList();
        if (unused.isEmpty()) {
            return;
        }
        Path where = files.size() == 1 ? files.get(0).file() : dir;
        String layersField = config.architecture() == ModelConfig.Architecture.GPT2 ? "n_layer" : "num_hidden_layers";
        String layerPrefix = config.architecture() == ModelConfig.Architecture.GPT2 ? "h." : "layers.";
        List<String> names = unused.stream().map(l -> l.entry().name()).toList();
        String shown = "'" + String.join("', '", names.subList(0, Math.min(5, names.size()))) + "'"
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
        int deepest = unused.stream().mapToInt(l -> layerIndex(stripPrefix(l.entry().name()), layerPrefix)).max().orElse(-1);
        if (deepest >= config.numLayers()) {
            throw new CheckpointException(where, "config.json field '" + layersField + "' is " + config.numLayers()
                    + " but the weights hold layers up to " + deepest + " (" + names.size() + " unused tensors: " + shown
                    + "); fix '" + layersField + "' in config.json or remove those tensors");
        }
        throw new CheckpointException(where, names.size() + " tensors are not used by the " + config.architecture()
                .name().toLowerCase(java.util.Locale.ROOT) + " model config.json describes: " + shown
                + "; a checkpoint must hold exactly its model's weights");
    }

    private static boolean isBuffer(String name, ModelConfig config) {
        return name.endsWith(".attn.bias") || name.endsWith(".attn.masked_bias") || name.endsWith("rotary_emb.inv_freq")
                || (config.tieWordEmbeddings() && name.equals("lm_head.weight"));
    }

    /** The layer number of {@code h.7.mlp...} / {@code layers.7....}, or -1 for a tensor outside the layers. */
    private static int layerIndex(String name, String layerPrefix) {
        if (!name.startsWith(layerPrefix)) {
            return -1;
        }
        int end = name.indexOf('.', layerPrefix.length());
        try {
            return Integer.parseInt(name.substring(layerPrefix.length(), end < 0 ? name.length() : end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public List<Path> files() {
        return files.stream().map(SafetensorsFile::file).toList();
    }
}
