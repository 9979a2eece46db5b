package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.Hooks;
import io.github.promptscope.lm.LanguageModel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Activation records collected on the shipped default model, checked against a direct hooked pass. */
class ActivationCollectorTest {

    private static LanguageModel model;
    private static List<String> documents;
    private static List<NeuronRecord> records;
    private static List<long[]> windows;
    private static final int[] NEURONS = {0, 5, 300};
    private static final CollectorConfig CONFIG = CollectorConfig.defaults().withSeed(3);

    @BeforeAll
    static void collect() {
        System.setProperty("promptscope.progress", "off");
        model = LanguageModel.loadDefault();
        documents = NeuronCorpus.generated(150);
        ActivationCollector collector = new ActivationCollector(model, CONFIG);
        windows = collector.windows(documents);
        records = collector.collect(1, NEURONS, documents);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void topExcerptsAreSortedByMaximumAndHoldTheLargestWindows() {
        assertTrue(windows.size() >= 30, "corpus gives " + windows.size() + " windows");
        for (int k = 0; k < NEURONS.length; k++) {
            NeuronRecord r = records.get(k);
            assertEquals(new NeuronId(1, NEURONS[k]), r.id());
            assertEquals(20, r.mostPositive().size());
            assertEquals(15, r.randomSample().size());
            for (int i = 1; i < r.mostPositive().size(); i++) {
                assertTrue(r.mostPositive().get(i - 1).max() >= r.mostPositive().get(i).max(), "sorted at " + i);
            }
            for (ActivationRecord a : r.mostPositive()) {
                assertEquals(64, a.size());
            }
        }
    }

    @Test
    void collectedActivationsEqualADirectHookedPassOnTheSameWindow() {
        // every window, each run alone: the top 20 are exactly the 20 largest maxima, and each kept
        // excerpt's activations are the direct pass's within 1e-5
        double[][] maxima = new double[NEURONS.length][windows.size()];
        for (int w = 0; w < windows.size(); w++) {
            float[][] acts = model.runIdsWithCache(List.of(windows.get(w)), Hooks.mlpPost(1)).get(Hooks.mlpPost(1), 0);
            for (int k = 0; k < NEURONS.length; k++) {
                double m = Double.NEGATIVE_INFINITY;
                for (float[] row : acts) {
                    m = Math.max(m, row[NEURONS[k]]);
                }
                maxima[k][w] = m;
            }
        }
        for (int k = 0; k < NEURONS.length; k++) {
            double[] sorted = maxima[k].clone();
            java.util.Arrays.sort(sorted);
            double twentieth = sorted[sorted.length - 20];
            NeuronRecord r = records.get(k);
            assertEquals(sorted[sorted.length - 1], r.maxActivation(), 1e-5, "neuron " + NEURONS[k] + " max");
            assertEquals(twentieth, r.mostPositive().get(19).max(), 1e-5, "neuron " + NEURONS[k] + " 20th");
        }
        // one kept excerpt in full, by the text's own tokens: the window it came from, run alone
        ActivationRecord top = records.get(1).mostPositive().get(0);
        long[] ids = findWindow(top);
        float[][] direct = model.runIdsWithCache(List.of(ids), Hooks.mlpPost(1)).get(Hooks.mlpPost(1), 0);
        for (int t = 0; t < 64; t++) {
            assertEquals(direct[t][NEURONS[1]], top.activation(t), 1e-5, "token " + t);
        }
    }

    @Test
    void randomSamplesAreDistinctWindowsDrawnPerNeuron() {
        Set<List<String>> seen = new HashSet<>();
        for (ActivationRecord a : records.get(0).randomSample()) {
            seen.add(a.tokens());
        }
        assertTrue(seen.size() >= 14, "15 draws without replacement, " + seen.size() + " distinct token lists");
        assertTrue(!records.get(0).randomSample().equals(records.get(1).randomSample()), "independent per neuron");
    }

    @Test
    void outOfRangeLayerOrNeuronIsNamed() {
        ActivationCollector c = new ActivationCollector(model, CONFIG);
        IllegalArgumentException layer = assertThrows(IllegalArgumentException.class,
                () -> c.collect(4, new int[] {0}, documents));
        assertEquals("layer 4 is outside 0..3 (the model has 4 layers)", layer.getMessage());
        IllegalArgumentException neuron = assertThrows(IllegalArgumentException.class,
                () -> c.collect(0, new int[] {768}, documents));
        assertEquals("neuron 768 is outside 0..767 (layer 0 has 768 MLP neurons)", neuron.getMessage());
    }

    private static long[] findWindow(ActivationRecord r) {
        for (long[] w : windows) {
            boolean same = true;
            for (int t = 0; t < w.length && same; t++) {
                same = model.tokenizer().piece(w[t]).equals(r.tokens().get(t));
            }
            if (same) {
                return w;
            }
        }
        throw new AssertionError("no window has the tokens of " + r.tokens());
    }
}
