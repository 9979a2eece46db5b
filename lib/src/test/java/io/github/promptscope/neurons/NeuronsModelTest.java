package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * often as Original's, in a prompt whose unfitted form is shorter. As simulator, on planted neurons
 * of {@link PlantedNeuronTest}'s five concepts, it scores the true explanation above a false one.
 */
class NeuronsModelTest {

    /** The fraction README states (results/neurons-model/evaluation.json holds the samples). */
    static final int SUMMARY_AT_LEAST = 6;

    /** Top-and-random correlations of each planted neuron's true and false explanation (Concept.FIRST_FIVE's order). */
    static final double[] TRUE_SCORES = {0.9794, 0.6382, 0.5331, 0.2165, 0.9414};
    static final double[] FALSE_SCORES = {-0.0507, -0.005, 0.4556, -0.048, -0.2368};

    /** The neurons whose margin README states as at least 0.3 (numbers, colours, punctuation; not countries, plurals). */
    static final boolean[] MARGIN_AT_LEAST = {true, true, false, false, true};

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

    /**
     * The shipped model as the all-at-once simulator of planted neurons of training concepts (numbers,
     * colours, countries, plurals, punctuation in layer 0 of {@code models/default}, as {@link PlantedNeuronTest}
     * plants them), the true explanation listing the members of the explaining excerpts against the next
     * neuron's, top-and-random on the valid split: {@code neurons evaluate-model --concept
     * numbers,colours,countries,plurals,punctuation --members listed} (results/neurons-model/training-concepts/evaluation.json).
     */
    @Test
    void asSimulatorItScoresTheTrueExplanationOfAPlantedNeuronAboveAFalseOne(@TempDir Path tmp) throws Exception {
        System.setProperty("promptscope.progress", "off");
        Path dir = DefaultModel.locate().resolveSibling("neurons");
        try (LanguageModel subject = LanguageModel.loadDefault(); LanguageModel neurons = LanguageModel.load(dir)) {
            List<PlantedNeuronEvaluation.Planted> planted = PlantedNeuronEvaluation.plantAndRecord(subject, 0,
                    Concept.FIRST_FIVE, tmp.resolve("planted"), 2000);
            List<PlantedNeuronEvaluation.Margin> margins = PlantedNeuronEvaluation.margins(planted,
                    AllAtOnceSimulator.forModel(neurons), true, PlantedNeuronEvaluation.QuoteFrom.EXPLAINING, MemberForm.LISTED);
            for (int k = 0; k < margins.size(); k++) {
                PlantedNeuronEvaluation.Margin m = margins.get(k);
                System.out.printf("%s: true %.4f, false %.4f (%s)%n", m.concept().cliName(), m.trueScore(), m.falseScore(),
                        m.trueExplanation());
                assertEquals(TRUE_SCORES[k], m.trueScore(), 1e-3, m.concept() + " true");
                assertEquals(FALSE_SCORES[k], m.falseScore(), 1e-3, m.concept() + " false");
                if (MARGIN_AT_LEAST[k]) {
                    assertTrue(m.margin() >= 0.3, m.concept() + ": margin " + m.margin());
                }
            }
        }
    }
}
