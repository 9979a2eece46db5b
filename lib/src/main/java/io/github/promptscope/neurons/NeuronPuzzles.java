package io.github.promptscope.neurons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.data.DataFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Neuron puzzles (spec neurons.md 5.2): PromptScope's own set, {@code data_utils/neuron_puzzles.json}
 * (written for this project in the layout of OpenAI's {@code puzzles.json}, which is not copied), or
 * a file of the same layout, OpenAI's included.
 */
public final class NeuronPuzzles {

    public static final String FILE = "neuron_puzzles.json";

    private NeuronPuzzles() {}

    /** The shipped puzzles, in file order. */
    public static List<NeuronPuzzle> shipped() {
        return parse(String.join("\n", DataFiles.lines(FILE)), "data_utils/" + FILE);
    }

    public static List<NeuronPuzzle> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such puzzles file");
        }
        return parse(Files.readString(file), file.toString());
    }

    /** Puzzles from an object keyed by puzzle name; errors name {@code source}, the puzzle and the sentence. */
    public static List<NeuronPuzzle> parse(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected an object of puzzles keyed by name");
        }
        List<NeuronPuzzle> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(NeuronPuzzle.fromJson(e.getKey(), e.getValue(), source));
        }
        return List.copyOf(out);
    }
}
