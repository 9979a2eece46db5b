package io.github.promptscope.neurons;

/**
 * The explainer prompts (spec neurons.md 2.1-2.2): OpenAI's token/activation pairs, and Lee et al.'s
 * four variants. Summary, Highlight and HighlightSummary mark tokens by a raw-activation cutoff;
 * Original and AVHS show values normalized to 0-10.
 */
public enum PromptStyle {
    ORIGINAL(false),
    SUMMARY(true),
    HIGHLIGHT(true),
    HIGHLIGHT_SUMMARY(true),
    AVHS(false);

    private final boolean usesCutoff;

    PromptStyle(boolean usesCutoff) {
        this.usesCutoff = usesCutoff;
    }

    /** Whether the target block needs a cutoff rather than a maximum. */
    public boolean usesCutoff() {
        return usesCutoff;
    }
}
