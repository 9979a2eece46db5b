package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.CalibratedScore;
import io.github.promptscope.neurons.CalibrationMethod;
import io.github.promptscope.neurons.Concept;
import io.github.promptscope.neurons.ConceptNaming;
import io.github.promptscope.neurons.LexicalMatchSimulator;
import io.github.promptscope.neurons.NeuronId;
import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronRecordJson;
import io.github.promptscope.neurons.NeuronScores;
import io.github.promptscope.neurons.TokenLookupExplainer;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.SweepReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The comparison's records on the default model without an LM in the loop (token lookup explains,
 * the lexical simulator scores), so the run takes seconds: one record per (neuron, prompt), the
 * activation records written beside them, metrics equal to scoring the written records again, a
 * rerun that skips everything, and the table beside Lee et al.'s numbers.
 */
class NeuronComparisonTest {

    private static final int DOCUMENTS = 150; // about 110 excerpts of 64 tokens: enough for 20 top and 15 random, and
    // digits are common in the generated corpus (colour words are too rare in 150 documents to plant on)

    @Test
    void recordsPerNeuronAndPromptThatScoringTheWrittenActivationsReproduces(@TempDir Path dir) throws Exception {
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            NeuronComparison comparison = NeuronComparison.of(lm).concepts(List.of(Concept.NUMBERS)).realNeurons(1, 0)
                    .prompts(List.of("token-lookup")).documents(DOCUMENTS).calibration(CalibrationMethod.LINEAR)
                    .simulators(List.of(ComparisonSimulator.lexical())).progressBar(false);
            List<RunConfig> configs = comparison.configs();
            assertEquals(List.of("planted_numbers", "real_L1_N0"), configs.stream().map(RunConfig::dataset).toList());
            int width = lm.config().intermediateSize();
            assertEquals(width, configs.get(0).params().get("neuron").asInt(), "the planted neuron is appended after the layer's own");

            RecordStore store = RecordStore.at(dir.resolve("neurons"));
            SweepReport first = comparison.run(store);
            assertEquals(2, first.done().size(), "failed: " + first.failed());
            assertTrue(Files.isRegularFile(store.dir().resolve("planted.json")));

            RunRecord planted = store.read(configs.get(0).id()).orElseThrow();
            NeuronRecord numbers = NeuronRecordJson.read(NeuronRecordJson.file(store.dir().resolve("activations"),
                    new NeuronId(0, width)));
            String explanation = planted.prompts().get(0).prompt();
            assertEquals(new TokenLookupExplainer().explain(numbers).get(0), explanation);
            NeuronScores again = NeuronScores.of(numbers, explanation, new LexicalMatchSimulator(), 5);
            assertEquals(again.topAndRandom().correlation(), planted.metrics().get("lexical.top_and_random_mean"), 1e-12);
            assertEquals(again.topOnly().correlation(), planted.metrics().get("lexical.top_only_mean"), 1e-12);
            assertEquals(CalibratedScore.of(numbers, explanation, new LexicalMatchSimulator(), 5, CalibrationMethod.LINEAR,
                    again.simulations()).valid().rSquared(), planted.metrics().get("lexical.calibrated_r_squared_mean"), 1e-12);
            assertEquals(ConceptNaming.names(explanation, Concept.NUMBERS) ? 1.0 : 0.0, planted.metrics().get("names_concept"));
            assertTrue(planted.metrics().get("lexical.top_and_random_mean") > 0.3,
                    "token lookup quotes digits the planted neuron fires on: " + planted.metrics());
            assertEquals(0.0, planted.metrics().get("tokens_sent"), "token lookup calls no model");

            RunRecord real = store.read(configs.get(1).id()).orElseThrow();
            assertTrue(!real.metrics().containsKey("names_concept"), "a real neuron has no concept to name");

            SweepReport second = comparison.run(store);
            assertEquals(0, second.ran().size(), "a rerun skips the records written");
            assertEquals(2, second.skipped().size());

            Table runs = Results.load(store.dir());
            Table byPrompt = NeuronComparisonTables.byPrompt(runs, "planted", "");
            assertEquals(1, byPrompt.rowCount());
            assertEquals("token-lookup", byPrompt.getString(0, "prompt"));
            assertEquals(planted.metrics().get("lexical.top_and_random_mean"), byPrompt.doubleColumn("lexical score").get(0), 1e-12);
        }
    }

    @Test
    void anotherExplainerOrSimulatorMakesOtherRecords() {
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            NeuronComparison a = NeuronComparison.of(lm).concepts(List.of(Concept.NUMBERS)).realNeurons(1)
                    .prompts(List.of("summary", "token-lookup")).explainer(null, "models/default", lm.weightsSha256());
            List<RunConfig> one = a.configs();
            List<RunConfig> other = a.explainer(null, "models/neurons", "abc").configs();
            assertNotEquals(one.get(0).id(), other.get(0).id(), "summary's explainer is part of its record's id");
            assertEquals(one.get(1).id(), other.get(1).id(), "token lookup uses no explainer");
            assertNotEquals(one.get(1).id(), a.simulators(List.of(ComparisonSimulator.allAtOnce(lm))).configs().get(1).id());
        }
    }

    @Test
    void badSettingsNameTheirFlag() {
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            NeuronComparison c = NeuronComparison.of(lm);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> c.prompts(List.of("shout"))).getMessage()
                    .startsWith("--prompts shout"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> c.realNeurons(1, 99999)).getMessage()
                    .startsWith("--real-neurons"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> c.plantLayer(99)).getMessage()
                    .startsWith("--plant-layer 99"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> c.n(0)).getMessage().startsWith("--n"));
        }
    }

    @Test
    void leeEtAlTableIsTheSpecsWithTheTokenRatios() {
        Table lee = NeuronComparisonTables.lee();
        assertEquals(5, lee.rowCount());
        assertEquals(0.278, lee.doubleColumn("sim-and-score mean").get(1), 0.0);
        assertEquals(2376.6 / 963.2, lee.doubleColumn("Original ÷ this").get(1), 1e-12); // 2.47, spec 2.3
        assertEquals(2376.6 / 885.0, lee.doubleColumn("Original ÷ this").get(2), 1e-12); // 2.69
    }
}
