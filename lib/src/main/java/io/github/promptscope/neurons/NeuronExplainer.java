package io.github.promptscope.neurons;

import java.util.List;

/**
 * Says what a neuron does from excerpts of text with its activations (spec neurons.md 2): the LM
 * explainers of every prompt style ({@link LmExplainer}) and the non-LLM baselines implement it, so
 * a notebook or the puzzles loop swaps explainers by changing one object.
 */
@FunctionalInterface
public interface NeuronExplainer {

    /**
     * Explanations of the neuron, best first where the explainer ranks them (at least one).
     *
     * @param excerpts what the explainer is shown: a record's train split, or a puzzle's sentences
     * @param cutoff the raw activation above which a token counts as highly active (Lee et al.'s
     *     highlight cutoff, {@link HighlightCutoff}); explainers that scale by the maximum ignore it
     */
    List<String> explain(List<ActivationRecord> excerpts, double cutoff);

    /** Explains a record from its train split (5 top excerpts, spec 1.2) and its {@link HighlightCutoff}. */
    default List<String> explain(NeuronRecord record) {
        return explain(record.train(NeuronRecord.EXAMPLES_PER_SPLIT), HighlightCutoff.of(record));
    }
}
