package io.github.promptscope.explain;

import io.github.promptscope.neurons.ExplainerRun;
import io.github.promptscope.neurons.NeuronId;
import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronScores;
import io.github.promptscope.neurons.PromptStyles;

import java.util.Locale;

/**
 * One neuron explained and scored ({@link Explain#neuron}): its record, the explainer's call, and the
 * simulate-and-score result of the first explanation.
 */
public record NeuronExplanation(NeuronRecord record, ExplainerRun explainer, NeuronScores scores) {

    public NeuronId id() {
        return record.id();
    }

    /** The explanation that was scored. */
    public String explanation() {
        return scores.explanation();
    }

    /** The paper's headline score: correlation over the valid split's top and random excerpts (NaN: undefined). */
    public double score() {
        return scores.topAndRandom().correlation();
    }

    /** Three lines: the explanation, its scores, and what explaining it cost. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: \"%s\"%n  top-and-random %s, top-only %s, random-only %s%n"
                + "  %s prompt on %s: %d prompt + %d completion tokens, %d of 5 excerpts shown%s%n", id(), explanation(),
                fmt(score()), fmt(scores.topOnly().correlation()), fmt(scores.randomOnly().correlation()),
                PromptStyles.cliName(explainer.style()), explainer.model(), explainer.promptTokens(),
                explainer.completionTokens(), explainer.prompt().shape().excerpts(),
                explainer.prompt().shape().windowTokens() > 0
                        ? " (" + explainer.prompt().shape().windowTokens() + " tokens around each peak)" : "");
    }

    @Override
    public String toString() {
        return summary();
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "undefined";
    }
}
