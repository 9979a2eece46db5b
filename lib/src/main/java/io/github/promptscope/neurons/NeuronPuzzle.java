package io.github.promptscope.neurons;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written "neuron" with a known answer (spec neurons.md 5.2, OpenAI's {@code Puzzle}): its
 * ground-truth explanation, sentences whose tokens carry hand-set activations, and false
 * explanations a good explainer should not give.
 */
public record NeuronPuzzle(String name, String explanation, List<ActivationRecord> records,
        List<String> falseExplanations) {

    public NeuronPuzzle {
        records = List.copyOf(records);
        falseExplanations = List.copyOf(falseExplanations);
    }

    /**
     * One puzzle of OpenAI's {@code puzzles.json} layout: {@code name, explanation, sentences,
     * false_explanations}; a sentence item is a token (activation 0) or {@code [token, activation]}.
     */
    static NeuronPuzzle fromJson(String key, JsonNode p, String source) {
        String where = source + ": puzzle \"" + key + "\"";
        for (String field : List.of("name", "explanation", "sentences", "false_explanations")) {
            if (!p.has(field)) {
                throw new IllegalArgumentException(where + ": field \"" + field + "\" missing");
            }
        }
        if (!p.get("name").asText().equals(key)) {
            throw new IllegalArgumentException(where + ": field \"name\" is \"" + p.get("name").asText()
                    + "\", not its key");
        }
        List<ActivationRecord> records = new ArrayList<>();
        int s = 0;
        for (JsonNode sentence : p.get("sentences")) {
            records.add(sentence(sentence, where + ", sentence " + s++));
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(where + ": no sentences");
        }
        List<String> falseOnes = new ArrayList<>();
        p.get("false_explanations").forEach(f -> falseOnes.add(f.asText()));
        return new NeuronPuzzle(key, p.get("explanation").asText(), records, falseOnes);
    }

    private static ActivationRecord sentence(JsonNode sentence, String where) {
        if (!sentence.isArray() || sentence.isEmpty()) {
            throw new IllegalArgumentException(where + ": expected a non-empty list of tokens");
        }
        List<String> tokens = new ArrayList<>();
        double[] activations = new double[sentence.size()];
        for (int t = 0; t < sentence.size(); t++) {
            JsonNode item = sentence.get(t);
            if (item.isTextual()) {
                tokens.add(item.asText());
            } else if (item.isArray() && item.size() == 2 && item.get(0).isTextual() && item.get(1).isNumber()) {
                tokens.add(item.get(0).asText());
                activations[t] = item.get(1).asDouble();
            } else {
                throw new IllegalArgumentException(where + ", token " + t + ": expected a string or [string, number],"
                        + " got " + item);
            }
        }
        return new ActivationRecord(tokens, activations);
    }
}
