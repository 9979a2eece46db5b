package io.github.promptscope.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** JSON Lines: one object per non-blank line, strict UTF-8; a bad line is an error with its number. */
final class Jsonl {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One parsed object and its line number. */
    record Line(JsonNode node, long line) {

        /** A required string field; missing, null or non-text is an error naming file, line and field. */
        String text(Path path, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw DataException.at(path.toString(), line, "field \"" + field + "\" missing");
            }
            if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
                throw DataException.at(path.toString(), line, "field \"" + field + "\" must be a string, got " + v);
            }
            return v.asText();
        }
    }

    private Jsonl() {
    }

    static List<Line> read(Path path) {
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
            out.add(new Line(node, n));
        }
        if (out.isEmpty()) {
            throw new DataException(path + ": no records (empty file)");
        }
        return out;
    }
}
