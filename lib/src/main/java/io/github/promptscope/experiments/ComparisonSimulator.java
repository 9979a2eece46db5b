package io.github.promptscope.experiments;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.AllAtOnceSimulator;
import io.github.promptscope.neurons.FewShotExamples;
import io.github.promptscope.neurons.LexicalMatchSimulator;
import io.github.promptscope.neurons.NeuronSimulator;
import io.github.promptscope.util.RepoPaths;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulator column of {@link NeuronComparison}: its name in metric names ({@code all_at_once.}
 * ..., {@code lexical.} ...), what it runs on (in the records' configuration), and the simulator.
 */
public record ComparisonSimulator(String name, String model, String weightsSha256, NeuronSimulator simulator) {

    /**
     * The all-at-once LM simulator (spec 3.1, 7.2) on a local checkpoint, with the few-shot examples the
     * model reads ({@link FewShotExamples#forModel}: the project's, none for the neurons model).
     */
    public static ComparisonSimulator allAtOnce(LanguageModel lm) {
        return new ComparisonSimulator("all_at_once", RepoPaths.label(lm.dir()), lm.weightsSha256(),
                AllAtOnceSimulator.forModel(lm));
    }

    /** The word-matching simulator, which needs no model ({@link LexicalMatchSimulator}). */
    public static ComparisonSimulator lexical() {
        return new ComparisonSimulator("lexical", "", "", new LexicalMatchSimulator());
    }

    /** The simulator as a configuration names it. */
    Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("model", model);
        m.put("weights_sha256", weightsSha256);
        return m;
    }
}
