package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.lm.DefaultModel;
import io.github.promptscope.lm.LanguageModel;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code models/neurons} as explainer (issue #13's "an explainer that can explain"): on
 * planted neurons of the three concepts held out of its corpus (animals, number words, currencies;
 * layer 0 of {@code models/default}, 2,000 generated documents), as {@code neurons evaluate-model}
 * runs it ({@code --members listed --n 20}), twenty Summary and twenty Original explanations per neuron, seeded. The Summary explanations
 * name a member of the held-out concept at least {@link #SUMMARY_AT_LEAST} times in 60, and at least as
 * often as Original's, in a prompt whose unfitted form is shorter.
 */
class NeuronsModelTest {

    /** The fraction README states (results/neurons-model/evaluation.json holds the samples). */
    static final int SUMMARY_AT_LEAST = 12;

    static final int SAMPLES = 20;

    @Test
    void itsSummaryExplanationsNameHeldOutConceptsAtLeastAsOftenAsOriginals(@TempDir Path tmp) throws Exception {
        System.setProperty("promptscope.progress", "off");
        Path dir = DefaultModel.locate().resolveSibling("neurons");
        try (LanguageModel subject = LanguageModel.loadDefault(); LanguageModel neurons = LanguageModel.load(dir);
                LocalTextModel explainer = new LocalTextModel(neurons)) {
            List<PlantedNeuronEvaluation.Planted> planted = PlantedNeuronEvaluation.plantAndRecord(subject, 0,
                    NeuronTrainingCorpus.HELD_OUT, tmp.resolve("planted"), 2000);
            int[] naming = new int[2];
            long[] wholeTokens = new long[2];
            PromptStyle[] styles = {PromptStyle.SUMMARY, PromptStyle.ORIGINAL};
            for (int s = 0; s < 2; s++) {
                LmExplainer lm = LmExplainer.forFolder(explainer, ExplainerConfig.defaults(styles[s]).withN(SAMPLES), dir);
                for (PlantedNeuronEvaluation.Planted p : planted) {
                    PlantedNeuronEvaluation.Naming r = PlantedNeuronEvaluation.naming(p, lm, null);
                    naming[s] += r.namingMember();
                    wholeTokens[s] += r.wholePromptTokens();
                    System.out.println(styles[s] + " " + p.concept().cliName() + ": " + r.namingMember() + " of " + SAMPLES + " "
                            + r.explanations());
                }
            }
            System.out.printf("name a held-out member: Summary %d of %d, Original %d of %d; whole prompts %d vs %d tokens%n",
                    naming[0], 3 * SAMPLES, naming[1], 3 * SAMPLES, wholeTokens[0], wholeTokens[1]);
            assertTrue(naming[0] >= SUMMARY_AT_LEAST, "Summary names a member in " + naming[0] + " of " + 3 * SAMPLES);
            assertTrue(naming[0] >= naming[1], "Summary " + naming[0] + " against Original " + naming[1]);
            assertTrue(wholeTokens[0] < wholeTokens[1], "Summary's whole prompts " + wholeTokens[0] + " tokens, Original's "
                    + wholeTokens[1]);
        }
    }
}
