package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.Hooks;
import io.github.promptscope.lm.LanguageModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted neurons end to end on the default model (spec neurons.md 7.5): one neuron per concept in
 * layer 0 of a copy, fitted on 2,000 generated documents; the copy's outputs equal the original's;
 * records collected from the copy; the true explanation outscores a false one; token lookup names
 * the concept. The numbers are what this pipeline gives (deterministic: fixed corpus, seed 0).
 */
class PlantedNeuronTest {

    /** Each concept's false explanation: another concept that occurs in the same excerpts, so its simulation is not constant. */
    static final Map<Concept, Concept> FALSE = Map.of(Concept.NUMBERS, Concept.PUNCTUATION, Concept.COLOURS,
            Concept.COUNTRIES, Concept.COUNTRIES, Concept.PLURALS, Concept.PLURALS, Concept.PUNCTUATION,
            Concept.PUNCTUATION, Concept.NUMBERS);

    @TempDir
    static Path tmp;

    private static LanguageModel original;
    private static LanguageModel copy;
    private static List<String> documents;
    private static List<PlantedNeuron> planted;
    private static List<NeuronRecord> records;

    @BeforeAll
    static void plantAndCollect() throws Exception {
        System.setProperty("promptscope.progress", "off");
        original = LanguageModel.loadDefault();
        documents = NeuronCorpus.generated(PlantedNeurons.DEFAULT_DOCUMENTS);
        PlantedNeurons planting = PlantedNeurons.in(original).corpus(documents, "generated corpus, 2000 documents");
        for (Concept c : Concept.FIRST_FIVE) {
            planting.plant(0, c);
        }
        planted = planting.saveTo(tmp.resolve("planted"));
        copy = LanguageModel.load(tmp.resolve("planted"));
        int[] neurons = planted.stream().mapToInt(p -> p.id().neuron()).toArray();
        records = new ActivationCollector(copy, CollectorConfig.defaults()).collect(0, neurons, documents);
    }

    @AfterAll
    static void close() {
        original.close();
        copy.close();
    }

    @Test
    void theCopyComputesWhatTheOriginalDoes() {
        List<long[]> windows = new ActivationCollector(original, CollectorConfig.defaults()).windows(documents);
        // the added neurons' output rows are zero: measured 0.0 over these excerpts
        assertEquals(0.0, PlantedNeurons.maxLogProbDifference(original, copy, windows.subList(0, 4)), 1e-5);
        assertEquals(773, copy.config().intermediateSize());
    }

    @Test
    void eachNeuronIsAppendedAndSeparatesItsConcept() {
        int[] conceptTokens = {9243, 49, 435, 943, 20404};
        for (int k = 0; k < planted.size(); k++) {
            PlantedNeuron p = planted.get(k);
            assertEquals(new NeuronId(0, 768 + k), p.id());
            assertEquals(Concept.FIRST_FIVE.get(k), p.concept());
            assertEquals(93568, p.fit().tokens());
            assertEquals(conceptTokens[k], p.fit().conceptTokens(), p.toString());
            assertEquals(1.0, p.fit().recall(), 0.0, p.toString());
            assertTrue(p.fit().falsePositiveRate() < 0.01, p.toString()); // measured 0 to 0.0059
        }
    }

    @Test
    void thePlantedPreActivationIsTheFittedDirection() {
        // the fit computes ln_2 itself; the model's own hook_pre must agree
        List<long[]> first = new ActivationCollector(original, CollectorConfig.defaults()).windows(documents).subList(0, 1);
        PlantedNeuronFit.MlpInputs inputs = PlantedNeuronFit.MlpInputs.of(original, 0, first);
        float[][] pre = copy.runIdsWithCache(first, Hooks.mlpPre(0)).get(Hooks.mlpPre(0), 0);
        for (int k = 0; k < planted.size(); k++) {
            float[] w = planted.get(k).fit().weights();
            for (int t = 0; t < pre.length; t++) {
                double expected = planted.get(k).fit().bias();
                for (int i = 0; i < w.length; i++) {
                    expected += w[i] * inputs.rows().get(t)[i];
                }
                assertEquals(expected, pre[t][768 + k], 1e-3, planted.get(k).concept() + " token " + t);
            }
        }
    }

    @Test
    void theTrueExplanationBeatsAFalseOneByAtLeast03WithTheLexicalSimulator() {
        NeuronSimulator lexical = new LexicalMatchSimulator();
        double[] trueScores = {0.994033, 0.974173, 0.909949, 0.968247, 0.988438};
        double[] falseScores = {-0.212420, -0.004496, -0.017234, -0.090076, -0.178776};
        for (int k = 0; k < records.size(); k++) {
            Concept c = planted.get(k).concept();
            double truth = NeuronScores.of(records.get(k), c.explanation(), lexical, 5).topAndRandom().correlation();
            double wrong = NeuronScores.of(records.get(k), FALSE.get(c).explanation(), lexical, 5).topAndRandom().correlation();
            assertEquals(trueScores[k], truth, 1e-4, c + " true");
            assertEquals(falseScores[k], wrong, 1e-4, c + " false");
            assertTrue(truth - wrong >= 0.3, c + ": true " + truth + " vs false " + wrong);
        }
    }

    @Test
    void tokenLookupNamesTheConcept() {
        List<List<String>> expected = List.of(List.of("4"), List.of("red", "black", "orange", "green"),
                List.of("Jordan", "South", "Pakistan", "Korea", "Brazil"),
                List.of("churches", "watches", "trees", "chairs", "parties"), List.of("."));
        TokenLookupExplainer lookup = new TokenLookupExplainer();
        for (int k = 0; k < records.size(); k++) {
            NeuronRecord r = records.get(k);
            List<String> tokens = lookup.topTokens(r.train(NeuronRecord.EXAMPLES_PER_SPLIT), HighlightCutoff.of(r));
            assertEquals(expected.get(k), tokens, planted.get(k).concept().toString());
            for (String t : tokens) {
                assertTrue(planted.get(k).concept().matches(t), t + " is not in " + planted.get(k).concept());
            }
        }
    }
}
