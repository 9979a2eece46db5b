package io.github.promptscope.neurons;

import java.util.List;

/**
 * A worked example shown before the target neuron: its excerpts, its explanation, and for the
 * simulator the index of the first token whose value is revealed in each excerpt (earlier ones show
 * {@code unknown}, which teaches the model that an unknown run may turn into numbers).
 */
public record FewShotExample(List<ActivationRecord> records, String explanation, List<Integer> firstRevealed) {

    public FewShotExample {
        records = List.copyOf(records);
        firstRevealed = List.copyOf(firstRevealed);
        if (firstRevealed.size() != records.size()) {
            throw new IllegalArgumentException("few-shot example \"" + explanation + "\": " + records.size()
                    + " excerpts but " + firstRevealed.size() + " first revealed indices");
        }
    }

    int[] firstRevealedArray() {
        return firstRevealed.stream().mapToInt(Integer::intValue).toArray();
    }
}
