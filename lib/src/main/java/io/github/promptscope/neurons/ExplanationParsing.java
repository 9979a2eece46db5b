package io.github.promptscope.neurons;

/**
 * A completion to an explanation (spec neurons.md 2.1). The reference returns the text after
 * "...does is find" unchanged and its simulator strips it; a base model writes on past the
 * explanation, so the text is cut at its first newline (spec 7.3), stripped, a repeated prefix
 * removed (as the reference's numbered-list parser does) and one final period dropped (the
 * reference's {@code _remove_final_period}, since the few-shot answers end in ".").
 */
public final class ExplanationParsing {

    private ExplanationParsing() {}

    public static String parse(String completion) {
        String text = completion;
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline);
        }
        text = text.strip();
        if (text.startsWith(ExplanationPrompts.EXPLANATION_PREFIX)) {
            text = text.substring(ExplanationPrompts.EXPLANATION_PREFIX.length()).strip();
        }
        return removeFinalPeriod(text);
    }

    /** A final "." or ". " removed, once. */
    static String removeFinalPeriod(String text) {
        if (text.endsWith(".")) {
            return text.substring(0, text.length() - 1);
        }
        if (text.endsWith(". ")) {
            return text.substring(0, text.length() - 2);
        }
        return text;
    }
}
