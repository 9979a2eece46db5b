package io.github.promptscope.neurons;

import java.util.List;

/**
 * The explainer's prompts (spec neurons.md 2.1-2.2), built as OpenAI's TokenActivationPairExplainer
 * and Lee et al.'s Summary/Highlight/HighlightSummary/AVHS explainers build them, with the default
 * 4K settings: every few-shot excerpt shown, one explanation asked for. (The references' shrinking
 * of prompts to fit GPT's context, counted in cl100k tokens, is left to the caller.)
 *
 * <p>Each neuron's block is {@code "\n\nNeuron i\nActivations:" + block + "\nExplanation of neuron i
 * behavior: the main thing this neuron does is find"}, answered by {@code " " + explanation + "."}.
 */
public final class ExplanationPrompts {

    public static final String EXPLANATION_PREFIX = "the main thing this neuron does is find";

    /** Below this share of non-zero values, Original repeats the excerpts with the zeros filtered out. */
    static final double REPEAT_NON_ZERO_BELOW = 0.2;

    /** Lee et al. mark few-shot tokens above this raw activation (their maxima are 2 to 4.5). */
    static final double FEW_SHOT_CUTOFF = 1.0;

    private static final String ORIGINAL_SYSTEM = "We're studying neurons in a neural network. Each neuron looks for "
            + "some particular thing in a short document. Look at the parts of the document the neuron activates for "
            + "and summarize in a single sentence what the neuron is looking for. Don't list examples of words.\n\n"
            + "The activation format is token<tab>activation. Activation values range from 0 to 10. A neuron finding "
            + "what it's looking for is represented by a non-zero activation value. The higher the activation value, "
            + "the stronger the match.";

    private static final String LEE_OPENING = "We're studying neurons in a neural network, trying to identify their "
            + "roles. Look at the parts/tokens of the document the neuron activates highly for and summarize in a "
            + "single sentence what the neuron is looking for. Don't list examples of words.\n\n";

    private static final String LEE_TASK = "Your task is to summarize what the highly activating tokens have in "
            + "common, taking their context into account.";

    private static final String HIGHLIGHTED = "We will show short text excerpts, where each highly activating "
            + "token(part of word) is highlighted using square brackets, i.e. [token]";

    private ExplanationPrompts() {}

    /**
     * The prompt asking for an explanation of the neuron behind {@code records} (its train split).
     *
     * @param cutoff the raw activation above which Summary/Highlight/HighlightSummary mark a token
     *     (Lee et al. use the record's {@code quantile_boundaries[2]}); ignored by Original and AVHS
     */
    public static Prompt explanation(PromptStyle style, List<ActivationRecord> records, double cutoff,
            List<FewShotExample> examples, PromptFormat format) {
        return explanation(style, records, cutoff, examples, format, true);
    }

    /**
     * The same, with or without the system message: a model with a short context may have no room for
     * it ({@link ExplanationFit} drops it only after every few-shot example).
     */
    public static Prompt explanation(PromptStyle style, List<ActivationRecord> records, double cutoff,
            List<FewShotExample> examples, PromptFormat format, boolean systemMessage) {
        Prompt.Builder p = new Prompt.Builder(format);
        if (systemMessage) {
            p.add("system", system(style));
        }
        for (int i = 0; i < examples.size(); i++) {
            List<ActivationRecord> shown = examples.get(i).records();
            addNeuron(p, style, shown, FEW_SHOT_CUTOFF, i, examples.get(i).explanation());
        }
        addNeuron(p, style, records, cutoff, examples.size(), null);
        return p.build();
    }

    private static String system(PromptStyle style) {
        return switch (style) {
            case ORIGINAL -> ORIGINAL_SYSTEM;
            case SUMMARY -> LEE_OPENING + "We will show short text excerpts, followed by a comma separated list of "
                    + "tokens(part of word) that activate highly in those text excerpts. " + LEE_TASK;
            case HIGHLIGHT -> LEE_OPENING + HIGHLIGHTED + ". " + LEE_TASK;
            case HIGHLIGHT_SUMMARY -> LEE_OPENING + HIGHLIGHTED + ". This is followed by a comma separated list of "
                    + "only the highly activating tokens. " + LEE_TASK;
            case AVHS -> LEE_OPENING + HIGHLIGHTED + ", followed by a comma separated list of tokens(part of word) "
                    + "and activation value pairs that activate highly in those text excerpts. The activation format "
                    + "is token<tab>activation. Activation values range from 0 to 10. A neuron finding what it's "
                    + "looking for is represented by a non-zero activation value. The higher the activation value, "
                    + "the stronger the match. " + LEE_TASK;
        };
    }

    /** One neuron's user message, and the assistant's answer when the explanation is known. */
    private static void addNeuron(Prompt.Builder p, PromptStyle style, List<ActivationRecord> records, double cutoff,
            int index, String explanation) {
        String user = "\n\nNeuron " + (index + 1) + "\nActivations:" + block(style, records, cutoff);
        user += "\nExplanation of neuron " + (index + 1) + " behavior:";
        String assistant = "";
        if (p.format() == PromptFormat.INSTRUCTION_FOLLOWING) {
            assistant += " " + EXPLANATION_PREFIX; // <|endofprompt|> goes before the prefix
        } else {
            user += " " + EXPLANATION_PREFIX;
        }
        p.add("user", user);
        if (explanation != null) {
            assistant += " " + explanation + ".";
        }
        if (!assistant.isEmpty()) {
            p.add("assistant", assistant);
        }
    }

    private static String block(PromptStyle style, List<ActivationRecord> records, double cutoff) {
        double max = Normalization.maxActivation(records); // each block is scaled by its own records
        return switch (style) {
            case ORIGINAL -> {
                String shown = RecordFormat.records(records, max, false);
                if (Normalization.nonZeroProportion(records, max) < REPEAT_NON_ZERO_BELOW) {
                    shown += "\nSame activations, but with all zeros filtered out:" + RecordFormat.records(records, max, true);
                }
                yield shown;
            }
            case SUMMARY -> HighlightFormat.summary(records, cutoff);
            case HIGHLIGHT -> HighlightFormat.highlight(records, cutoff);
            case HIGHLIGHT_SUMMARY -> HighlightFormat.highlightSummary(records, cutoff);
            case AVHS -> HighlightFormat.avhs(records, max);
        };
    }
}
