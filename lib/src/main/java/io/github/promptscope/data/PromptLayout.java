package io.github.promptscope.data;

import java.util.List;

/**
 * How iPrompt lays out prompts and examples (spec section 1.2-1.3, the imodelsX API variant),
 * shared by the searches that score and propose and by the corpus that teaches the default model
 * those very layouts.
 *
 * <ul>
 *   <li>scoring: {@code [prompt][". " + x][y]}, each piece tokenized on its own;
 *   <li>proposal: {@code "Data:\n\n" + texts joined by "\n\n" + "\n\nPrompt:"}, after which the model
 *       writes the prompt.
 * </ul>
 */
public final class PromptLayout {

    public static final String DATA_START = "Data:";
    public static final String PROMPT_START = "Prompt:";
    /** What the scoring layout puts between a prompt and the input. */
    public static final String BEFORE_INPUT = ". ";
    public static final String SHOT_SEPARATOR = "\n\n";

    private PromptLayout() {}

    /** {@code o.rstrip().rstrip('.')}: the API scores " 16", not " 16.\n\n". */
    public static String stripOutput(String output) {
        String s = output.stripTrailing();
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** One example as a proposal context shows it: {@code input + output + "."}. */
    public static String exampleText(String input, String output) {
        return input + stripOutput(output) + ".";
    }

    public static String exampleText(Example e) {
        return exampleText(e.input(), e.output());
    }

    /**
     * Examples as a search's one-shot rows and proposal contexts show them: each
     * {@link #exampleText(Example)}, joined by a blank line, as {@code search.DataRows} builds a row's
     * text (spec 1.2). {@code datasets show} prints this.
     */
    public static String searchText(List<Example> examples) {
        return String.join(SHOT_SEPARATOR, examples.stream().map(PromptLayout::exampleText).toList());
    }

    /** The three pieces of a proposal context, to be tokenized separately: head, examples, tail. */
    public static List<String> proposalPieces(List<String> exampleTexts) {
        return List.of(DATA_START + SHOT_SEPARATOR, String.join(SHOT_SEPARATOR, exampleTexts),
                SHOT_SEPARATOR + PROMPT_START);
    }

    /** The proposal context as one string (what a reader sees; a search tokenizes the pieces). */
    public static String proposalContext(List<String> exampleTexts) {
        return String.join("", proposalPieces(exampleTexts));
    }
}
