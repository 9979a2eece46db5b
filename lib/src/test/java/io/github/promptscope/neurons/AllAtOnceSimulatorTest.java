package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TokenIds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The all-at-once simulator on the default model (256 positions, digits split: 10 is "1" "0"). */
class AllAtOnceSimulatorTest {

    private static LanguageModel model;
    private static AllAtOnceSimulator simulator;
    private static List<String> excerpt;

    @BeforeAll
    static void load() {
        System.setProperty("promptscope.progress", "off");
        model = LanguageModel.loadDefault();
        simulator = new AllAtOnceSimulator(model, FewShotExamples.original());
        ActivationCollector collector = new ActivationCollector(model, CollectorConfig.defaults());
        long[] window = collector.windows(NeuronCorpus.generated(30)).get(1);
        excerpt = new ArrayList<>();
        for (long id : window) {
            excerpt.add(model.tokenizer().piece(id));
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void sixtyFourExpectedValuesInZeroToTenFromDistributionsThatSumToOne() {
        List<Simulation> sims = simulator.simulate("numbers and digits", List.of(excerpt));
        Simulation s = sims.get(0);
        assertEquals(64, s.expectedValues().length);
        for (int t = 0; t < 64; t++) {
            double ev = s.expectedValues()[t];
            assertTrue(ev >= 0 && ev <= 10, "token " + t + ": " + ev);
            assertEquals(1.0, Arrays.stream(s.probabilities()[t]).sum(), 1e-9);
            assertEquals(Simulation.expectedValue(s.probabilities()[t]), ev, 1e-12);
        }
        AllAtOnceSimulator.Layout layout = simulator.layout("numbers and digits", excerpt);
        assertTrue(layout.chunks().size() > 1, "64 lines do not fit 256 positions at once");
        // the default tokenizer spends 182 tokens on the system message alone: neither it nor a
        // few-shot example fits beside the lines
        assertEquals(0, layout.fewShotExamples());
        assertEquals(false, layout.systemMessage());
        assertTrue(layout.chunks().size() <= 4, layout.chunks().size() + " chunks");
        int slots = layout.slots().stream().mapToInt(a -> a.length).sum();
        assertEquals(64, slots);
        for (long[] chunk : layout.chunks()) {
            assertTrue(layout.prefix().length + chunk.length <= model.config().maxPositions());
        }
    }

    @Test
    void theIdsSpellTheReferencePromptWithTheFewShotExamplesThatFit() {
        List<String> shortExcerpt = excerpt.subList(0, 6);
        AllAtOnceSimulator.Layout layout = simulator.layout("  numbers\n", shortExcerpt);
        assertEquals(1, layout.chunks().size());
        String expected = SimulationPrompt.build("  numbers\n", shortExcerpt,
                FewShotExamples.original().subList(0, layout.fewShotExamples()), PromptFormat.NONE,
                layout.systemMessage()).text();
        String built = model.tokenizer().decode(TokenIds.concat(layout.prefix(), layout.chunks().get(0)));
        assertEquals(expected, built + "\n<end>\n");
        // each slot is a tab, whose next token is the value
        long tab = model.tokenizer().encode("\t")[0];
        for (int slot : layout.slots().get(0)) {
            assertEquals(tab, layout.chunks().get(0)[slot]);
        }
    }

    @Test
    void aSlotsDistributionIsTheModelsNextTokenProbabilitiesWithTenAsOneThenZero() {
        List<String> shortExcerpt = excerpt.subList(0, 6);
        AllAtOnceSimulator.Layout layout = simulator.layout("numbers", shortExcerpt);
        long[] ids = TokenIds.concat(layout.prefix(), layout.chunks().get(0));
        int slot = layout.prefix().length + layout.slots().get(0)[2];
        // the full-vocabulary distribution after the slot, and p("0" | slot, "1") from a plain pass
        float[] row = model.nextTokenLogProbs(ids)[slot];
        long one = model.tokenizer().encode("1")[0];
        long zero = model.tokenizer().encode("0")[0];
        long[] withOne = TokenIds.concat(Arrays.copyOf(ids, slot + 1), new long[] {one, zero});
        double zeroAfterOne = Math.exp(model.logProbs(withOne).logprobs()[slot + 2]);
        double[] p = new double[11];
        for (int d = 0; d <= 9; d++) {
            p[d] = Math.exp(row[(int) model.tokenizer().encode(Integer.toString(d))[0]]);
        }
        p[10] = p[1] * zeroAfterOne;
        p[1] = p[1] * (1 - zeroAfterOne);
        double total = Arrays.stream(p).sum();
        double ev = 0;
        for (int v = 0; v <= 10; v++) {
            ev += v * p[v] / total;
        }
        Simulation s = simulator.simulate("numbers", List.of(shortExcerpt)).get(0);
        assertEquals(ev, s.expectedValues()[2], 1e-4);
        assertEquals(p[10] / total, s.probabilities()[2][10], 1e-5);
    }

    /**
     * A folder's {@value PromptContext#SIMULATOR_FILE} lays the prompt out for fewer positions: the
     * system message goes and the excerpt is simulated in chunks, each within the context, whose
     * expected values are what a simulator built for that context gives.
     */
    @Test
    void aModelFoldersSimulationContextLaysThePromptOutForItsPositions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path dir = ModelFolders.copy(model.dir(), tmp);
        PromptContext.write(dir, PromptContext.SIMULATOR_FILE, 120, "test");
        try (LanguageModel copy = LanguageModel.load(dir)) {
            AllAtOnceSimulator fromFolder = AllAtOnceSimulator.forModel(copy);
            AllAtOnceSimulator.Layout l = fromFolder.layout("numbers and digits", excerpt);
            assertTrue(!l.systemMessage() && l.chunks().size() > 1, "chunks " + l.chunks().size());
            for (long[] chunk : l.chunks()) {
                assertTrue(l.prefix().length + chunk.length <= 120, (l.prefix().length + chunk.length) + " ids");
            }
            double[] expected = new AllAtOnceSimulator(model, FewShotExamples.forModel(dir), 120)
                    .simulate("numbers and digits", List.of(excerpt)).get(0).expectedValues();
            assertTrue(Arrays.equals(expected, fromFolder.simulate("numbers and digits", List.of(excerpt)).get(0).expectedValues()));
            AllAtOnceSimulator.Layout own = AllAtOnceSimulator.forModel(model).layout("numbers and digits", excerpt);
            assertTrue(own.prefix().length + own.chunks().get(0).length > 120, "without the file: the model's own 256 positions");
            PromptContext.write(dir, PromptContext.SIMULATOR_FILE, 300, "test");
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> AllAtOnceSimulator.forModel(copy));
            assertTrue(e.getMessage().contains(PromptContext.SIMULATOR_FILE) && e.getMessage().contains("300"), e.getMessage());
        }
    }
}
