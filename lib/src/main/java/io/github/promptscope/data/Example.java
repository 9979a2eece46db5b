package io.github.promptscope.data;

import java.util.Objects;

/**
 * One formatted example, exactly as a search sees it.
 *
 * @param input  the scored input x, e.g. {@code "Given the input numbers 9 and 7, the answer is"}
 * @param output the target y, with its leading space and trailing separator, e.g. {@code " 16.\n\n"}
 * @param text   the example as it appears in a proposal context ({@code Data:\n\n<text>...}); for math
 *               tasks {@code input + output}, for language tasks the single-newline variant
 */
public record Example(String input, String output, String text) {

    public Example {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The bare answer: the output without surrounding whitespace and trailing periods, as the
     * containment check of prompt accuracy compares it (iPrompt spec section 4).
     */
    public String answer() {
        String s = output.strip();
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
