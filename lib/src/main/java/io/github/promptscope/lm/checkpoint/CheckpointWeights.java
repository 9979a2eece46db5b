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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
                            + ", config.json implies " + Arrays.toString(expectedShape));
        }
        return at.file().readFloats(at.entry());
    }

    public List<Path> files() {
        return files.stream().map(SafetensorsFile::file).toList();
    }
}
