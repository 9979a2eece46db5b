package io.github.promptscope.data;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a task is, independent of any generated examples.
 *
 * @param name        registry name, e.g. {@code add_two}
 * @param collection  the paper's grouping: {@code math}, {@code induction}, {@code anli}, {@code sentiment}, ...
 * @param description the ground-truth explanation, as the paper words it
 * @param keywords    recovery regex; a prompt is correct when a case-insensitive search finds it
 * @param source      where the task and its facts come from
 */
public record TaskInfo(String name, String collection, String description, String keywords, String source) {

    public TaskInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(keywords, "keywords");
        Objects.requireNonNull(source, "source");
        // Fail at definition time, not in the middle of scoring a sweep.
        Pattern.compile(keywords, Pattern.CASE_INSENSITIVE);
    }

    /** The keywords compiled as the paper uses them: case-insensitive, substring search. */
    public Pattern keywordPattern() {
        return Pattern.compile(keywords, Pattern.CASE_INSENSITIVE);
    }
}
