package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.promptscope.backend.ChatMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Normalization and every prompt rendering against the reference Python (OpenAI's neuron-explainer
 * at e4aa21b, Lee et al.'s at d0719aa), byte for byte. Fixtures: environment/neuron_fixtures.py,
 * whose header says how to regenerate them; the records in them were written by the reference's own
 * serializer, so reading them also checks that OpenAI-layout files load.
 */
class NeuronPromptParityTest {

    private static JsonNode fixtures;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = NeuronPromptParityTest.class.getResourceAsStream("/neurons/prompt_fixtures.json")) {
            fixtures = new ObjectMapper().readTree(in);
        }
    }

    private static NeuronRecord record(JsonNode neuron) {
        return NeuronRecordJson.fromJson(neuron.get("record").toString(), "prompt_fixtures.json");
    }

    @Test
    void normalizationMatchesTheReferenceIntegers() {
        for (JsonNode neuron : fixtures.get("neurons")) {
            List<ActivationRecord> train = record(neuron).train(5);
            double max = Normalization.maxActivation(train);
            assertEquals(neuron.get("max_activation").asDouble(), max, 0.0);
            for (int i = 0; i < train.size(); i++) {
                int[] expected = new int[neuron.get("normalized").get(i).size()];
                for (int t = 0; t < expected.length; t++) {
                    expected[t] = neuron.get("normalized").get(i).get(t).asInt();
                }
                assertArrayEquals(expected, Normalization.normalize(train.get(i).activations(), max), "excerpt " + i);
            }
            assertEquals(neuron.get("non_zero_proportion").asDouble(), Normalization.nonZeroProportion(train, max), 0.0);
        }
    }

    @Test
    void everyExplanationPromptMatchesTheReferenceByteForByte() {
        int compared = 0;
        for (JsonNode neuron : fixtures.get("neurons")) {
            NeuronRecord r = record(neuron);
            double cutoff = r.quantileBoundaries().get(2); // Lee et al.'s cutoff
            for (PromptStyle style : PromptStyle.values()) {
                JsonNode expected = neuron.get("explanation_prompts").get(style.name());
                for (PromptFormat format : List.of(PromptFormat.NONE, PromptFormat.INSTRUCTION_FOLLOWING)) {
                    Prompt p = ExplanationPrompts.explanation(style, r.train(5), cutoff, FewShotExamples.original(), format);
                    assertEquals(expected.get(format.name()).asText(), p.text(), style + " " + format + " " + r.id());
                    compared++;
                }
                Prompt chat = ExplanationPrompts.explanation(style, r.train(5), cutoff, FewShotExamples.original(),
                        PromptFormat.CHAT);
                assertEquals(messages(expected.get("CHAT")), chat.chat(), style + " chat " + r.id());
                compared++;
            }
        }
        assertEquals(3 * 5 * 3, compared);
    }

    @Test
    void simulationPromptsMatchTheReference() {
        int compared = 0;
        for (JsonNode neuron : fixtures.get("neurons")) {
            for (JsonNode sim : neuron.get("simulation_prompts")) {
                List<String> tokens = new ArrayList<>();
                sim.get("tokens").forEach(t -> tokens.add(t.asText()));
                PromptFormat format = PromptFormat.valueOf(sim.get("format").asText());
                Prompt p = SimulationPrompt.build("  words about rain\n", tokens, FewShotExamples.original(), format);
                assertEquals(sim.get("prompt").asText(), p.text());
                compared++;
            }
        }
        assertEquals(12, compared);
    }

    @Test
    void recordsWrittenByTheReferenceSerializerReadAndWriteBackUnchanged() {
        for (JsonNode neuron : fixtures.get("neurons")) {
            NeuronRecord r = record(neuron);
            assertEquals(20, r.mostPositive().size());
            assertEquals(15, r.randomSample().size());
            assertEquals(Double.NaN, r.skewness());
            assertEquals(3.5, r.kurtosis());
            // our writer gives back the reference's JSON, field for field and number for number
            assertEquals(neuron.get("record"), parse(NeuronRecordJson.toJson(r)));
        }
    }

    private static List<ChatMessage> messages(JsonNode array) {
        List<ChatMessage> out = new ArrayList<>();
        array.forEach(m -> out.add(new ChatMessage(m.get("role").asText(), m.get("content").asText())));
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
