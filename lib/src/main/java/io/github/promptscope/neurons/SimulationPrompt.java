package io.github.promptscope.neurons;

import java.util.List;

/**
 * The all-at-once simulator's prompt (spec neurons.md 3.1, OpenAI's ExplanationNeuronSimulator):
 * each few-shot neuron's explanation, then its excerpts with the first values hidden as
 * {@code unknown}; then the target's explanation and its tokens, every value {@code unknown}. The
 * model's distribution over the value after each target token's tab is the simulation.
 */
public final class SimulationPrompt {

    private static final String SYSTEM = "We're studying neurons in a neural network.\n"
            + "Each neuron looks for some particular thing in a short document.\n"
            + "Look at summary of what the neuron does, and try to predict how it will fire on each token.\n\n"
            + "The activation format is token<tab>activation, activations go from 0 to 10, \"unknown\" indicates an "
            + "unknown activation. Most activations will be 0.\n";

    private SimulationPrompt() {}

    /** The whole prompt for one excerpt's tokens. */
    public static Prompt build(String explanation, List<String> tokens, List<FewShotExample> examples,
            PromptFormat format) {
        return build(explanation, tokens, examples, format, true);
    }

    /** The same, optionally without the system message (what a short-context simulator may run). */
    public static Prompt build(String explanation, List<String> tokens, List<FewShotExample> examples,
            PromptFormat format, boolean systemMessage) {
        Prompt.Builder p = prefix(explanation, examples, format, systemMessage);
        p.add("assistant", "\nActivations: " + RecordFormat.forSimulation(List.of(tokens)));
        return p.build();
    }

    /** Everything before the target's {@code "\nActivations: "} turn. */
    static Prompt.Builder prefix(String explanation, List<FewShotExample> examples, PromptFormat format) {
        return prefix(explanation, examples, format, true);
    }

    /** The same, optionally without the system message (for models whose context cannot hold it). */
    static Prompt.Builder prefix(String explanation, List<FewShotExample> examples, PromptFormat format,
            boolean systemMessage) {
        Prompt.Builder p = new Prompt.Builder(format);
        if (systemMessage) {
            p.add("system", SYSTEM);
        }
        for (int i = 0; i < examples.size(); i++) {
            FewShotExample e = examples.get(i);
            p.add("user", header(i, e.explanation()));
            double max = Normalization.maxActivation(e.records());
            p.add("assistant", "\nActivations: " + RecordFormat.records(e.records(), max, false, e.firstRevealedArray())
                    + "\n");
        }
        p.add("user", header(examples.size(), pyStrip(explanation)));
        return p;
    }

    /**
     * The text a local simulator encodes before the target's lines (format NONE): the prefix, then
     * the opening of the activations turn. {@link AllAtOnceSimulator} runs it and the neurons model's
     * training corpus ({@link SimulationDocuments}) is written in it, so the two cannot drift apart.
     */
    static String localPrefix(String explanation, List<FewShotExample> examples, boolean systemMessage) {
        return prefix(explanation, examples, PromptFormat.NONE, systemMessage).build().text() + "\nActivations: \n<start>\n";
    }

    private static String header(int index, String explanation) {
        return "\n\nNeuron " + (index + 1) + "\nExplanation of neuron " + (index + 1) + " behavior: "
                + ExplanationPrompts.EXPLANATION_PREFIX + " " + explanation;
    }

    /** Python's {@code str.strip()}: Unicode whitespace at both ends (Java's strip() keeps U+00A0). */
    static String pyStrip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isPySpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isPySpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isPySpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
