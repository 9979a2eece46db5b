package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.TrainingCorpus;
import io.github.promptscope.lm.DefaultModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TokenIds;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code train --corpus neurons-unknown}: a document's inputs are the ids {@link AllAtOnceSimulator}
 * runs for its excerpt and explanation (models/neurons, 512 positions), every value {@code unknown},
 * and its targets at the trained slots are the true values' first tokens.
 */
class AskedLayoutDocumentsTest {

    private static final int DOCUMENTS = 120;

    private static LanguageModel model;
    private static ConceptExcerpts excerpts;
    private static List<Concept> concepts;

    @BeforeAll
    static void load() {
        System.setProperty("promptscope.progress", "off");
        model = LanguageModel.load(DefaultModel.locate().resolveSibling("neurons"));
        excerpts = TestExcerpts.of(model);
        concepts = NeuronTrainingCorpus.trainConcepts(excerpts);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theInputsAreTheSimulatorsPromptAndTheTargetsTheValues() {
        int positions = model.config().maxPositions();
        assertEquals(512, positions);
        SimulationDocuments unknown = new SimulationDocuments(model.tokenizer(), excerpts, positions,
                SimulationReveal.QUOTED_TOKENS_UNKNOWN);
        QuotedTokenDocuments lines = new QuotedTokenDocuments(excerpts, MemberForm.QUOTED);
        AllAtOnceSimulator simulator = new AllAtOnceSimulator(model, NeuronTrainingCorpus.FEW_SHOT);
        long one = model.tokenizer().encode("1")[0];
        long[] unknownIds = model.tokenizer().encode(RecordFormat.UNKNOWN);
        int trainedSlots = 0;
        int tens = 0;
        int above = 0;
        for (int d = 0; d < DOCUMENTS; d++) {
            Concept c = concepts.get(d % concepts.size());
            Random a = new Random(100 + d);
            Random b = new Random(100 + d);
            NeuronTrainingCorpus.Example doc = unknown.document(a, c, concepts);
            // the same draws as the document: its lines, then its chunk
            QuotedTokenDocuments.Lines l = lines.draw(b, c, concepts);
            AllAtOnceSimulator.Layout asked = simulator.layout(l.explanation(), l.tokens());
            int chunk = b.nextInt(asked.chunks().size());
            long[] prompt = TokenIds.concat(asked.prefix(), asked.chunks().get(chunk));
            assertArrayEquals(prompt, doc.ids(), "document " + d + ": the simulator's prompt, token for token");
            assertEquals(model.tokenizer().decode(prompt), model.tokenizer().decode(doc.ids()));
            int from = asked.firstTokens()[chunk];
            int[] slots = asked.slots().get(chunk);
            boolean[] expectTrained = new boolean[doc.ids().length];
            for (int i = 0; i < slots.length; i++) {
                int at = asked.prefix().length + slots[i] + 1;
                assertArrayEquals(unknownIds, Arrays.copyOfRange(doc.ids(), at, at + unknownIds.length),
                        "document " + d + ", line " + (from + i) + ": the input says unknown after the tab");
                Integer v = l.values()[from + i];
                if (v == null) {
                    continue;
                }
                expectTrained[at] = true;
                trainedSlots++;
                above += v > 0 ? 1 : 0;
                String first = model.tokenizer().decode(new long[] {doc.targets()[at]});
                assertEquals(Integer.toString(v).substring(0, 1), first, "document " + d + ", line " + (from + i));
                if (v == 10) {
                    tens++;
                    assertEquals(one, doc.targets()[at], "10 is trained as its first digit");
                }
            }
            assertArrayEquals(expectTrained, doc.trained(), "document " + d + ": only the value slots are trained");
            for (int k = 0; k < doc.ids().length; k++) {
                if (!doc.trained()[k]) {
                    assertEquals(doc.ids()[k], doc.targets()[k], "document " + d + ", position " + k);
                }
            }
        }
        System.out.printf("neurons-unknown: %d documents, %d trained value slots, %d above 0, %d of them 10%n", DOCUMENTS,
                trainedSlots, above, tens);
        // the checks above were exercised on firing lines and on the two-token value 10
        assertTrue(trainedSlots > 300 && above > 30 && tens > 0, trainedSlots + " " + above + " " + tens);
    }

    @Test
    void theCopyRecipesDocumentsTrainTheirOwnTokens() {
        SimulationDocuments copy = new SimulationDocuments(model.tokenizer(), excerpts, model.config().maxPositions(),
                SimulationReveal.QUOTED_TOKENS);
        for (int d = 0; d < 10; d++) {
            NeuronTrainingCorpus.Example doc = copy.document(new Random(d), concepts.get(d % concepts.size()), concepts);
            assertArrayEquals(doc.ids(), doc.targets(), "neurons-copy document " + d + " keeps targets = inputs");
        }
    }
}
