package io.github.promptscope.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines: one object per non-blank line, strict UTF-8; a bad line is an error with its number.
 *
 * <p>Field values are taken exactly as written: a string is its decoded text, and a number or boolean
 * is its literal text in the file ({@code 3.10} stays {@code "3.10"}, {@code 1e5} stays {@code "1e5"}),
 * never a re-printed double. Arrays and objects are an error naming file, line and field.
 */
public final class Jsonl {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One parsed object and its line number.
     *
     * @param literals the literal source text of each top-level number or boolean field
     */
    public record Line(JsonNode node, long line, Map<String, String> literals) {

        /** A required scalar field as written; missing, null, array or object is an error naming file, line and field. */
        public String text(Path path, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw DataException.at(path.toString(), line, "field \"" + field + "\" missing");
            }
            if (v.isTextual()) {
                return v.textValue();
            }
            if (v.isNumber() || v.isBoolean()) {
                return literals.getOrDefault(field, v.asText());
            }
            throw DataException.at(path.toString(), line, "field \"" + field
                    + "\" must be a string (or a number, kept as written), got " + v.getNodeType() + " " + v);
        }
    }

    private Jsonl() {
    }

    public static List<Line> read(Path path) {
        String content = TextFiles.utf8(path);
        List<Line> out = new ArrayList<>();
        long n = 0;
        for (String raw : content.split("\n", -1)) {
            n++;
            String s = raw.strip();
            if (s.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(s);
            } catch (JsonProcessingException e) {
                throw DataException.at(path.toString(), n, "not valid JSON: " + e.getOriginalMessage());
            }
            if (!node.isObject()) {
                throw DataException.at(path.toString(), n, "expected a JSON object, got " + node.getNodeType());
            }
            out.add(new Line(node, n, literals(s)));
        }
        if (out.isEmpty()) {
            throw new DataException(path + ": no records (empty file)");
        }
        return out;
    }

    /** The source text of the object's top-level number and boolean values (the line already parsed once). */
    private static Map<String, String> literals(String json) {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            p.nextToken(); // START_OBJECT
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                        || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    out.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("line parsed as a tree but not as a stream: " + json, e);
        }
        return out;
    }
}
