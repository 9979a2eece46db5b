package io.github.promptscope.neurons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The few-shot examples the prompts use: PromptScope's own set (resource
 * {@code few_shot_examples.json}), in the structure of OpenAI's ORIGINAL set, which is not copied.
 */
public final class FewShotExamples {

    private static final String RESOURCE = "few_shot_examples.json";
    private static List<FewShotExample> original;

    private FewShotExamples() {}

    /** Three neurons, two excerpts each. */
    public static synchronized List<FewShotExample> original() {
        if (original == null) {
            try (InputStream in = FewShotExamples.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " missing from the jar");
                }
                original = parse(new ObjectMapper().readTree(in), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return original;
    }

    /** The file in a model's folder naming the few-shot examples it was trained to read (an empty list: none). */
    public static final String MODEL_FILE = "few_shot_examples.json";

    /**
     * The few-shot examples to prompt the model in {@code dir} with: those of its
     * {@value #MODEL_FILE} when it has one (the neurons model's says none: it was trained on prompts
     * without them, which leaves its context to the excerpt), else {@link #original()}.
     */
    public static List<FewShotExample> forModel(java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve(MODEL_FILE);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return original();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            return root.path("examples").isArray() && root.path("examples").isEmpty() ? List.of() : parse(root, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not readable JSON", e);
        }
    }

    /**
     * Writes {@value #MODEL_FILE} saying that the model in {@code dir} reads prompts without few-shot
     * examples (the neurons corpora have none), so that {@link #forModel} prompts it as it was trained and
     * not with {@link #original()}, which would fill most of its context with text it never saw.
     */
    public static void writeNone(java.nio.file.Path dir, String why) throws IOException {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = json.createObjectNode().put("note", why);
        root.putArray("examples");
        io.github.promptscope.util.AtomicFiles.writeString(dir.resolve(MODEL_FILE),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /** Examples from {@code {"examples": [{explanation, first_revealed_activation_indices, activation_records}]}}. */
    public static List<FewShotExample> parse(JsonNode root, String source) {
        List<FewShotExample> out = new ArrayList<>();
        for (JsonNode e : root.path("examples")) {
            List<ActivationRecord> records = new ArrayList<>();
            for (JsonNode r : e.path("activation_records")) {
                List<String> tokens = new ArrayList<>();
                r.path("tokens").forEach(t -> tokens.add(t.asText()));
                double[] acts = new double[r.path("activations").size()];
                for (int i = 0; i < acts.length; i++) {
                    acts[i] = r.path("activations").get(i).asDouble();
                }
                records.add(new ActivationRecord(tokens, acts));
            }
            List<Integer> revealed = new ArrayList<>();
            e.path("first_revealed_activation_indices").forEach(v -> revealed.add(v.asInt()));
            out.add(new FewShotExample(records, e.path("explanation").asText(), revealed));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": no few-shot examples under \"examples\"");
        }
        return List.copyOf(out);
    }
}
