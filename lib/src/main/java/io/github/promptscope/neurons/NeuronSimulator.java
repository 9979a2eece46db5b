package io.github.promptscope.neurons;

import java.util.List;

/** Predicts a neuron's activations on excerpts from an explanation of what it does. */
public interface NeuronSimulator {

    /** One simulation per excerpt (each a list of token strings), in order. */
    List<Simulation> simulate(String explanation, List<List<String>> excerpts);
}
