package io.github.promptscope.neurons;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prompt styles by the names users type ({@code highlight-summary}) and back. */
public final class PromptStyles {

    private PromptStyles() {}

    /** {@code HIGHLIGHT_SUMMARY} -> {@code highlight-summary}. */
    public static String cliName(PromptStyle style) {
        return style.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The style a user named, or an error listing the names (under {@code flag}). */
    public static PromptStyle parse(String name, String flag) {
        for (PromptStyle s : PromptStyle.values()) {
            if (cliName(s).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException(flag + " " + name + ": expected one of " + names());
    }

    public static String names() {
        return Arrays.stream(PromptStyle.values()).map(PromptStyles::cliName).collect(Collectors.joining("|"));
    }
}
