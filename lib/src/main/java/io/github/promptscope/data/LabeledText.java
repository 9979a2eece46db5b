package io.github.promptscope.data;

import java.util.Objects;

/**
 * A text with its label word, as a classification reader returns it.
 *
 * @param text  the raw text (not yet stripped or formatted)
 * @param label the output word, e.g. {@code positive}
 */
public record LabeledText(String text, String label) {
    public LabeledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
