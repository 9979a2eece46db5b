package io.github.promptscope.neurons;

/**
 * Which value slots a simulation document of the neurons corpus trains ({@link SimulationDocuments}).
 */
public enum SimulationReveal {

    /**
     * {@code train --corpus neurons}, the recipe of models/neurons: a random share of the lines, in
     * excerpts with 1-6 concept words. Only 4.5% of the trained slots are above 0, so a model that
     * predicts 0 everywhere is nearly optimal (issue #13).
     */
    RANDOM_SHARE,

    /**
     * {@code train --corpus neurons-v2}: the lines where a neuron of the text's concept fires (the
     * explanation's concept or, in documents whose explanation is false for the text, the other
     * concept, where the value is 0) and as many other lines, in excerpts with 4-10 concept words, so
     * about a third of the trained slots are above 0 and the model must read the explanation to tell
     * which.
     */
    FIRING_AND_AS_MANY_OTHERS
}
