package io.github.promptscope.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of a JSON config; a missing field or one of the wrong type is an error naming the file
 * and the field's path ({@code functions.json: dataset.n_samples must be an integer, got "many"}).
 */
final class ConfigFields {

    private final String file;

    ConfigFields(String file) {
        this.file = file;
    }

    IllegalArgumentException error(String path, String what) {
        return new IllegalArgumentException(file + ": " + path + " " + what);
    }

    JsonNode object(JsonNode parent, String path, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw error(join(path, field), n == null ? "is missing" : "must be an object, got " + n);
        }
        return n;
    }

    int integer(JsonNode parent, String path, String field) {
        JsonNode n = required(parent, path, field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw error(join(path, field), "must be an integer, got " + n);
        }
        return n.intValue();
    }

    int integer(JsonNode parent, String path, String field, int fallback) {
        return parent.has(field) ? integer(parent, path, field) : fallback;
    }

    boolean bool(JsonNode parent, String path, String field, boolean fallback) {
        JsonNode n = parent.get(field);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw error(join(path, field), "must be true or false, got " + n);
        }
        return n.booleanValue();
    }

    String text(JsonNode parent, String path, String field) {
        JsonNode n = required(parent, path, field);
        if (!n.isTextual()) {
            throw error(join(path, field), "must be a string, got " + n);
        }
        return n.textValue();
    }

    /** A string or null (JSON null or absent). */
    String optionalText(JsonNode parent, String path, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw error(join(path, field), "must be a string or null, got " + n);
        }
        return n.textValue();
    }

    List<String> texts(JsonNode parent, String path, String field) {
        JsonNode n = array(parent, path, field);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                throw error(join(path, field) + "[" + i + "]", "must be a string, got " + n.get(i));
            }
            out.add(n.get(i).textValue());
        }
        return out;
    }

    double[] numbers(JsonNode parent, String path, String field) {
        JsonNode n = array(parent, path, field);
        double[] out = new double[n.size()];
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isNumber()) {
                throw error(join(path, field) + "[" + i + "]", "must be a number, got " + n.get(i));
            }
            out[i] = n.get(i).doubleValue();
        }
        return out;
    }

    JsonNode array(JsonNode parent, String path, String field) {
        JsonNode n = required(parent, path, field);
        if (!n.isArray()) {
            throw error(join(path, field), "must be a list, got " + n);
        }
        return n;
    }

    private JsonNode required(JsonNode parent, String path, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw error(join(path, field), "is missing");
        }
        return n;
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
