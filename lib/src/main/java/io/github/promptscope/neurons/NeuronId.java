package io.github.promptscope.neurons;

/** A neuron: its layer and its index within the layer, both from 0 (OpenAI's {@code NeuronId}). */
public record NeuronId(int layer, int neuron) {

    @Override
    public String toString() {
        return "layer " + layer + " neuron " + neuron;
    }
}
