package io.github.promptscope.lm;

/**
 * Reads and may change one activation during one forward pass (see {@link LanguageModel#runWithHooks}).
 * It sees the whole padded batch through an {@link ActivationEdit}; whatever it leaves there flows
 * on through the rest of the model. A function that changes nothing leaves the pass bit-identical.
 */
@FunctionalInterface
public interface HookFunction {

    void apply(ActivationEdit activation);

    /** Ablates one neuron (last-axis index) at every position of every text. */
    static HookFunction zeroNeuron(int index) {
        return a -> a.zeroNeuron(index);
    }

    /** Multiplies one neuron by {@code factor} at every position of every text. */
    static HookFunction scaleNeuron(int index, float factor) {
        return a -> a.scaleNeuron(index, factor);
    }

    /** Plants values: {@code values[text][pos]} replaces the neuron at each text's real positions. */
    static HookFunction setNeuron(int index, float[][] values) {
        return a -> a.setNeuron(index, values);
    }
}
