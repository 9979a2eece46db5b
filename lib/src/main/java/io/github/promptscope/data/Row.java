package io.github.promptscope.data;

import java.util.List;
import java.util.Objects;

/**
 * One raw example before formatting: the input fields and the answer.
 *
 * @param fields raw input values, e.g. {@code ["9", "7"]} for add_two
 * @param answer raw answer, e.g. {@code "16"}
 */
public record Row(List<String> fields, String answer) {

    public Row {
        fields = List.copyOf(fields);
        Objects.requireNonNull(answer, "answer");
    }

    public static Row of(String field, String answer) {
        return new Row(List.of(field), answer);
    }
}
