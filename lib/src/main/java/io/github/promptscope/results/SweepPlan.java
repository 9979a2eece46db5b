package io.github.promptscope.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep as data, so that another process can run any of its configurations: the manifest a SLURM
 * array task reads. It names the kind of sweep (which code runs a configuration, e.g.
 * {@code recovery}), that code's settings (model folder, step limit, ...), the record store, and
 * the configurations in a fixed order with their stable ids; array task {@code i} runs configuration
 * {@code i} (or the {@code i}-th chunk of them).
 *
 * <p>A manifest names folders by absolute path, as the job that reads it needs; it is a job file,
 * not a record ({@code <store>/slurm/<plan id>/manifest.json}).
 *
 * @param kind     which sweep code runs a configuration (see {@code experiments.SweepWorker}, which knows the recovery sweep)
 * @param settings that code's settings, a JSON object
 * @param results  the results root (absolute)
 * @param experiment the record store's folder under it
 * @param configs  the configurations, each once, in order
 */
public record SweepPlan(String kind, JsonNode settings, Path results, String experiment, List<RunConfig> configs) {

    public static final int FORMAT = 1;

    public SweepPlan {
        settings = settings == null ? Json.MAPPER.createObjectNode() : settings.deepCopy();
        results = results.toAbsolutePath().normalize();
        Map<String, RunConfig> unique = new LinkedHashMap<>();
        configs.forEach(c -> unique.putIfAbsent(c.id(), c));
        configs = List.copyOf(unique.values());
        new RecordStore(results, experiment); // checks the name
    }

    public RecordStore store() {
        return new RecordStore(results, experiment);
    }

    /** Stable: the kind, the experiment and the configurations' ids. */
    public String id() {
        StringBuilder s = new StringBuilder(kind).append('\n').append(experiment);
        configs.forEach(c -> s.append('\n').append(c.id()));
        return Json.sha256(s.toString()).substring(0, 12);
    }

    /** Where this plan's manifest, scripts and logs go: {@code <store>/slurm/<id>}. */
    public Path folder() {
        return store().dir().resolve("slurm").resolve(id());
    }

    /** Indices of the configurations with no completed record. */
    public List<Integer> notDone() {
        RecordStore store = store();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            if (!store.isDone(configs.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /** Writes the manifest to {@code file} atomically. */
    public Path write(Path file) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT).put("plan", id()).put("kind", kind);
        root.set("settings", settings);
        root.put("results", results.toString()).put("experiment", experiment);
        ArrayNode list = root.putArray("configs");
        for (int i = 0; i < configs.size(); i++) {
            ObjectNode e = list.addObject();
            e.put("index", i).put("id", configs.get(i).id());
            e.set("config", Json.MAPPER.valueToTree(configs.get(i)));
        }
        try {
            AtomicFiles.writeBytes(file, Json.MAPPER.writeValueAsBytes(root));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write manifest: " + e.getMessage(), e);
        }
    }

    /** Reads a manifest; an entry whose id does not match its configuration is an error. */
    public static SweepPlan read(Path file) {
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            if (root == null || root.path("format").asInt() != FORMAT) {
                throw new IllegalArgumentException(file + ": not a sweep manifest (format " + FORMAT + ")");
            }
            List<RunConfig> configs = new ArrayList<>();
            for (JsonNode e : root.path("configs")) {
                RunConfig c = Json.MAPPER.treeToValue(e.path("config"), RunConfig.class);
                if (!c.id().equals(e.path("id").asText())) {
                    throw new IllegalArgumentException(file + ": configuration " + e.path("index").asInt() + " has id "
                            + e.path("id").asText() + " but its content hashes to " + c.id());
                }
                configs.add(c);
            }
            return new SweepPlan(root.path("kind").asText(), root.path("settings"), Path.of(root.path("results").asText()),
                    root.path("experiment").asText(), configs);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read manifest: " + e.getMessage(), e);
        }
    }
}
