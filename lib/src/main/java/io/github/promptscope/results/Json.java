package io.github.promptscope.results;

import io.github.promptscope.util.Hashes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The package's one ObjectMapper, canonical JSON and its hash. */
public final class Json {

    /** Pretty, keys of maps sorted; records keep their declared field order. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Json() {
    }

    /**
     * Compact JSON with object keys sorted at every depth, so equal configurations give equal text
     * whatever order their maps were built in. Numbers keep their type: 1 and 1.0 differ.
     */
    public static String canonical(Object value) {
        JsonNode node = MAPPER.valueToTree(value);
        try {
            return new ObjectMapper().writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }

    /** Hex SHA-256 of the UTF-8 bytes (see {@link Hashes}). */
    public static String sha256(String text) {
        return Hashes.sha256(text);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String n : names) {
                out.set(n, sorted(node.get(n)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }
}
