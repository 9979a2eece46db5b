package io.github.promptscope.neurons;

import io.github.promptscope.util.AtomicFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Neuron records in the JSON layout of OpenAI's neuron-explainer ({@code collated-activations/
 * {layer}/{neuron}.json}): snake_case fields in dataclass order, a {@code "dataclass_name"} on every
 * object, NaN written as null (as orjson writes it). Records from that data load as they are;
 * {@code dataclass_name} is optional on read, as OpenAI's loader allows.
 */
public final class NeuronRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NeuronRecordJson() {}

    /** The file a layer/neuron record lives in under {@code dir}, as OpenAI lays it out. */
    public static Path file(Path dir, NeuronId id) {
        return dir.resolve(Integer.toString(id.layer())).resolve(id.neuron() + ".json");
    }

    public static void write(Path file, NeuronRecord record) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        AtomicFiles.writeString(file, toJson(record));
    }

    public static NeuronRecord read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such neuron record");
        }
        return fromJson(Files.readString(file), file.toString());
    }

    public static String toJson(NeuronRecord r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("dataclass_name", "NeuronRecord");
        ObjectNode id = root.putObject("neuron_id");
        id.put("dataclass_name", "NeuronId");
        id.put("layer_index", r.id().layer());
        id.put("neuron_index", r.id().neuron());
        root.set("random_sample", records(r.randomSample()));
        if (r.randomSampleByQuantile() == null) {
            root.putNull("random_sample_by_quantile");
        } else {
            ArrayNode bins = root.putArray("random_sample_by_quantile");
            r.randomSampleByQuantile().forEach(bin -> bins.add(records(bin)));
        }
        if (r.quantileBoundaries() == null) {
            root.putNull("quantile_boundaries");
        } else {
            ArrayNode q = root.putArray("quantile_boundaries");
            r.quantileBoundaries().forEach(v -> number(q, v));
        }
        putNumber(root, "mean", r.mean());
        putNumber(root, "variance", r.variance());
        putNumber(root, "skewness", r.skewness());
        putNumber(root, "kurtosis", r.kurtosis());
        root.set("most_positive_activation_records", records(r.mostPositive()));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a record; {@code source} names the file in errors. */
    public static NeuronRecord fromJson(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a NeuronRecord object");
        }
        JsonNode id = required(root, "neuron_id", source);
        NeuronId neuronId = new NeuronId(required(id, "layer_index", source).asInt(),
                required(id, "neuron_index", source).asInt());
        List<List<ActivationRecord>> byQuantile = null;
        JsonNode bins = root.get("random_sample_by_quantile");
        if (bins != null && !bins.isNull()) {
            byQuantile = new ArrayList<>();
            for (JsonNode bin : bins) {
                byQuantile.add(records(bin, source, "random_sample_by_quantile"));
            }
        }
        List<Double> boundaries = null;
        JsonNode q = root.get("quantile_boundaries");
        if (q != null && !q.isNull()) {
            boundaries = new ArrayList<>();
            for (JsonNode v : q) {
                boundaries.add(v.isNull() ? Double.NaN : v.asDouble());
            }
        }
        return new NeuronRecord(neuronId, records(root.get("random_sample"), source, "random_sample"),
                byQuantile, boundaries, number(root, "mean"), number(root, "variance"), number(root, "skewness"),
                number(root, "kurtosis"),
                records(root.get("most_positive_activation_records"), source, "most_positive_activation_records"));
    }

    private static ArrayNode records(List<ActivationRecord> records) {
        ArrayNode out = MAPPER.createArrayNode();
        for (ActivationRecord r : records) {
            ObjectNode o = out.addObject();
            o.put("dataclass_name", "ActivationRecord");
            ArrayNode tokens = o.putArray("tokens");
            r.tokens().forEach(tokens::add);
            ArrayNode acts = o.putArray("activations");
            for (double a : r.activations()) {
                number(acts, a);
            }
        }
        return out;
    }

    private static List<ActivationRecord> records(JsonNode array, String source, String field) {
        List<ActivationRecord> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(source + ": field \"" + field + "\" must be a list of activation records");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode r = array.get(i);
            String where = field + "[" + i + "]";
            JsonNode tokens = required(r, "tokens", source + " " + where);
            JsonNode acts = required(r, "activations", source + " " + where);
            if (tokens.size() != acts.size()) {
                throw new IllegalArgumentException(source + ": " + where + " has " + tokens.size() + " tokens but "
                        + acts.size() + " activations");
            }
            List<String> t = new ArrayList<>();
            double[] a = new double[acts.size()];
            for (int k = 0; k < a.length; k++) {
                t.add(tokens.get(k).asText());
                a[k] = acts.get(k).isNull() ? Double.NaN : acts.get(k).asDouble();
            }
            out.add(new ActivationRecord(t, a));
        }
        return out;
    }

    private static JsonNode required(JsonNode node, String field, String source) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(source + ": field \"" + field + "\" missing");
        }
        return v;
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static void number(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add(v);
        } else {
            array.addNull();
        }
    }

    private static void putNumber(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
