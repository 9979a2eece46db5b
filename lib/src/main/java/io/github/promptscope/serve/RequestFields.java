package io.github.promptscope.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of a request body's fields. Each read checks the JSON type and range and names the
 * field in the 400 it throws, so a client learns which parameter was wrong. Fields this server does
 * not know are ignored, as OpenAI-compatible servers commonly do; null counts as absent.
 */
final class RequestFields {

    /** Trailing tokens are an error: "{...} junk" is not one JSON object. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode body;

    RequestFields(ObjectNode body) {
        this.body = body;
    }

    /** A request body as fields: a 400 unless it is one JSON object. */
    static RequestFields parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("the body is not valid JSON: " + e.getOriginalMessage(), null);
        } catch (java.io.IOException e) {
            throw ApiError.invalid("the body cannot be read: " + e.getMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw ApiError.invalid("the body must be a JSON object", null);
        }
        return new RequestFields((ObjectNode) root);
    }

    private JsonNode get(String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v;
    }

    boolean has(String name) {
        return get(name) != null;
    }

    String string(String name, String otherwise) {
        JsonNode v = get(name);
        if (v == null) {
            return otherwise;
        }
        if (!v.isTextual()) {
            throw ApiError.invalid("'" + name + "' must be a string", name);
        }
        return v.asText();
    }

    boolean bool(String name, boolean otherwise) {
        JsonNode v = get(name);
        if (v == null) {
            return otherwise;
        }
        if (!v.isBoolean()) {
            throw ApiError.invalid("'" + name + "' must be true or false", name);
        }
        return v.asBoolean();
    }

    /** An integer in [min, max]; a float with no fraction (2.0) counts, as JSON does not tell them apart. */
    Integer integer(String name, Integer otherwise, long min, long max) {
        JsonNode v = get(name);
        if (v == null) {
            return otherwise;
        }
        if (!v.isNumber() || (!v.isIntegralNumber() && v.asDouble() != Math.rint(v.asDouble()))) {
            throw ApiError.invalid("'" + name + "' must be an integer", name);
        }
        if (!v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw ApiError.invalid("'" + name + "' must be in " + min + ".." + max + ", got " + v, name);
        }
        return (int) v.asLong();
    }

    Long longValue(String name) {
        JsonNode v = get(name);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiError.invalid("'" + name + "' must be an integer", name);
        }
        return v.asLong();
    }

    /** A number in [min, max] ({@code minOpen}: min itself excluded). */
    double number(String name, double otherwise, double min, boolean minOpen, double max) {
        JsonNode v = get(name);
        if (v == null) {
            return otherwise;
        }
        if (!v.isNumber()) {
            throw ApiError.invalid("'" + name + "' must be a number", name);
        }
        double x = v.asDouble();
        if (x > max || x < min || (minOpen && x == min) || Double.isNaN(x)) {
            throw ApiError.invalid("'" + name + "' must be in " + (minOpen ? "(" : "[") + min + ", " + max + "], got " + v,
                    name);
        }
        return x;
    }

    /** A string or a list of strings, as {@code prompt}, {@code stop} and {@code input} take. */
    List<String> strings(String name, int maxCount) {
        JsonNode v = get(name);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.asText());
        } else if (v.isArray()) {
            for (JsonNode x : v) {
                if (!x.isTextual()) {
                    throw ApiError.invalid("'" + name + "' must be a string or a list of strings", name);
                }
                out.add(x.asText());
            }
        } else {
            throw ApiError.invalid("'" + name + "' must be a string or a list of strings", name);
        }
        if (out.size() > maxCount) {
            throw ApiError.invalid("'" + name + "' takes at most " + maxCount + " strings, got " + out.size(), name);
        }
        return out;
    }

    /**
     * A prompt as the completions API takes it: a string, a list of strings, a list of token ids, or a
     * list of lists of token ids. Each entry is a {@code String} or a {@code long[]}.
     */
    List<Object> prompts(String name, int maxCount) {
        JsonNode v = get(name);
        List<Object> out = new ArrayList<>();
        if (v != null && v.isArray() && !v.isEmpty() && v.get(0).isNumber()) {
            out.add(tokenIds(v, name));
        } else if (v != null && v.isArray() && !v.isEmpty() && v.get(0).isArray()) {
            for (JsonNode x : v) {
                out.add(tokenIds(x, name));
            }
        } else {
            out.addAll(strings(name, maxCount));
        }
        if (out.size() > maxCount) {
            throw ApiError.invalid("'" + name + "' takes at most " + maxCount + " prompts, got " + out.size(), name);
        }
        return out;
    }

    private static long[] tokenIds(JsonNode list, String name) {
        if (!list.isArray() || list.isEmpty()) {
            throw ApiError.invalid("'" + name + "' must be a string, a list of strings, a non-empty list of token ids,"
                    + " or a list of such lists", name);
        }
        long[] ids = new long[list.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode x = list.get(i);
            if (!x.isIntegralNumber() || !x.canConvertToInt()) {
                throw ApiError.invalid("'" + name + "': token ids must be integers, got " + x, name);
            }
            ids[i] = x.asLong();
        }
        return ids;
    }

    JsonNode array(String name) {
        JsonNode v = get(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw ApiError.invalid("'" + name + "' must be a list", name);
        }
        return v;
    }

    RequestFields object(String name) {
        JsonNode v = get(name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw ApiError.invalid("'" + name + "' must be an object", name);
        }
        return new RequestFields((ObjectNode) v);
    }
}
