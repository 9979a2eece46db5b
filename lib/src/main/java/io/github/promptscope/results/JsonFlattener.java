package io.github.promptscope.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nested JSON to one flat row: objects become dotted names ({@code metrics.mrr},
 * {@code config.params.pop_size}); arrays stay whole, as compact JSON text, since a ranked prompt
 * list is one value of a run, not many columns.
 */
final class JsonFlattener {

    private JsonFlattener() {
    }

    static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        walk("", node, out);
        return out;
    }

    private static void walk(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            if (node.isEmpty() && !prefix.isEmpty()) {
                return; // an empty object contributes no column
            }
            node.fields().forEachRemaining(e -> walk(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else {
            out.put(prefix, node);
        }
    }
}
