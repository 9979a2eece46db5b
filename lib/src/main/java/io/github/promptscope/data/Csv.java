package io.github.promptscope.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, {@code ""} inside quotes is a
 * quote, quoted fields may span lines (IMDB reviews contain commas, quotes and {@code <br />}).
 */
final class Csv {

    /** One record and the line it started on, for error messages. */
    record Record(List<String> fields, long line) {
    }

    private Csv() {
    }

    static List<Record> parse(Path path, String content) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        long line = 1;
        long recordLine = 1;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0) {
                        throw DataException.at(path.toString(), line, "quote inside an unquoted field");
                    }
                    quoted = true;
                    fieldStarted = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = true;
                }
                case '\r' -> { }
                case '\n' -> {
                    if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
                        fields.add(field.toString());
                        records.add(new Record(List.copyOf(fields), recordLine));
                    }
                    fields.clear();
                    field.setLength(0);
                    fieldStarted = false;
                    line++;
                    recordLine = line;
                }
                default -> field.append(c);
            }
        }
        if (quoted) {
            throw DataException.at(path.toString(), recordLine, "quoted field is never closed");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(List.copyOf(fields), recordLine));
        }
        return records;
    }
}
