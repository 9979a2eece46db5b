package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.LongerPositions;
import io.github.promptscope.lm.tokenizer.TokenIds;
import io.github.promptscope.lm.DefaultModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neurons model's corpus, built for the default model's tokenizer with a 512-position table. */
class NeuronTrainingCorpusTest {

    @TempDir
    static Path tmp;

    private static LanguageModel original;
    private static LanguageModel longer;
    private static NeuronTrainingCorpus.Examples corpus;

    @BeforeAll
    static void build() throws Exception {
        System.setProperty("promptscope.progress", "off");
        original = LanguageModel.loadDefault();
        assertEquals(256, LongerPositions.write(DefaultModel.locate(), tmp.resolve("longer"), 512));
        longer = LanguageModel.load(tmp.resolve("longer"));
        long t0 = System.nanoTime();
        corpus = new NeuronTrainingCorpus(new NeuronTrainingCorpus.Spec(120, 0.55, 0.35, 12, 0))
                .build(longer.tokenizer(), 512, longer.config().eosTokenId());
        System.out.printf("corpus of 120 + 12 examples in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void close() {
        original.close();
        longer.close();
    }

    @Test
    void theLongerTableKeepsWhatTheModelComputesOnItsFirstPositions() {
        assertEquals(512, longer.config().maxPositions());
        List<long[]> windows = new ActivationCollector(original, CollectorConfig.defaults()).windows(NeuronCorpus.generated(20));
        long[] text = TokenIds.concat(TokenIds.concat(windows.get(0), windows.get(1)), windows.get(2)); // 192 tokens
        assertEquals(0.0, PlantedNeurons.maxLogProbDifference(original, longer, List.of(text)), 1e-5);
    }

    @Test
    void examplesFitTheModelAndHoldOutTheTestConcepts() {
        assertEquals(120, corpus.train().size());
        assertEquals(12, corpus.validation().size());
        int simulation = 0;
        int explanation = 0;
        for (NeuronTrainingCorpus.Example e : corpus.train()) {
            assertTrue(e.ids().length <= 512, "an example of " + e.ids().length + " tokens");
            String text = longer.tokenizer().decode(e.ids());
            for (Concept held : NeuronTrainingCorpus.HELD_OUT) {
                assertFalse(text.contains(held.description()), held + " in a training example");
            }
            simulation += text.contains("Look at summary of what the neuron does") ? 1 : 0;
            explanation += text.contains("the main thing this neuron does is find") && !text.contains("Look at summary") ? 1 : 0;
        }
        assertEquals(66, simulation);
        assertEquals(42, explanation);
        System.out.printf("mean tokens: %.0f%n", corpus.train().stream().mapToInt(e -> e.ids().length).average().orElse(0));
        long heldOut = corpus.validation().stream().map(e -> longer.tokenizer().decode(e.ids()))
                .filter(t -> NeuronTrainingCorpus.HELD_OUT.stream().anyMatch(c -> t.contains(c.description()))).count();
        assertEquals(12, heldOut);
    }

    @Test
    void simulationTargetsAreValuesAndExplanationTargetsEndTheLine() {
        for (NeuronTrainingCorpus.Example e : corpus.train().subList(0, 66)) {
            for (int i = 0; i < e.ids().length; i++) {
                if (e.trained()[i]) {
                    String piece = longer.tokenizer().piece(e.ids()[i]);
                    assertTrue(piece.matches("[0-9]"), "trained token '" + piece + "'");
                }
            }
        }
        NeuronTrainingCorpus.Example explained = corpus.train().get(70);
        List<Long> target = new ArrayList<>();
        for (int i = 0; i < explained.ids().length; i++) {
            if (explained.trained()[i]) {
                target.add(explained.ids()[i]);
            }
        }
        String written = longer.tokenizer().decode(target.stream().mapToLong(Long::longValue).toArray());
        assertTrue(written.startsWith(" ") && written.endsWith(".\n"), written);
        System.out.println("an explanation target:" + written);
    }

    @Test
    void aSimulationDocumentWithEveryValueUnknownIsWhatTheSimulatorRuns() {
        ConceptExcerpts excerpts = new ConceptExcerpts(longer.tokenizer(), NeuronCorpus.generated(100),
                longer.config().eosTokenId(), 64);
        List<String> tokens = excerpts.draw(new Random(3), Concept.COLOURS, 3).tokens();
        String explanation = Concept.COLOURS.explanation(ConceptExcerpts.membersIn(Concept.COLOURS, tokens));
        AllAtOnceSimulator.Layout layout = new AllAtOnceSimulator(longer, NeuronTrainingCorpus.FEW_SHOT)
                .layout(explanation, tokens);
        SimulationDocuments documents = new SimulationDocuments(longer.tokenizer(), excerpts, 512);
        for (int c = 0; c < layout.chunks().size(); c++) {
            NeuronTrainingCorpus.Example doc = documents.document(explanation, tokens, new Integer[tokens.size()], c);
            assertArrayEquals(TokenIds.concat(layout.prefix(), layout.chunks().get(c)), doc.ids());
            for (boolean trained : doc.trained()) {
                assertFalse(trained);
            }
        }
        // 512 positions: the system message stays, and the 64 lines take two chunks
        assertTrue(layout.systemMessage());
        assertEquals(2, layout.chunks().size());
        System.out.printf("simulation layout at 512 positions: %d few-shot examples, system %s, prefix %d tokens, %d chunk(s)%n",
                layout.fewShotExamples(), layout.systemMessage(), layout.prefix().length, layout.chunks().size());
    }
}
