package io.github.promptscope.neurons;

import io.github.promptscope.util.Interrupts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Predicts a neuron's activations on excerpts from an explanation of what it does. */
public interface NeuronSimulator {

    /** One simulation per excerpt (each a list of token strings), in order. */
    List<Simulation> simulate(String explanation, List<List<String>> excerpts);

    /**
     * {@code one} applied to each excerpt in order, checking for an interrupt before each: for
     * simulators that run a model call per excerpt, so a notebook interrupt stops between them.
     */
    static List<Simulation> eachExcerpt(List<List<String>> excerpts, Function<List<String>, Simulation> one) {
        List<Simulation> out = new ArrayList<>();
        for (List<String> tokens : excerpts) {
            Interrupts.check();
            out.add(one.apply(tokens));
        }
        return out;
    }
}
