package io.github.promptscope.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.ExplainerConfig;
import io.github.promptscope.neurons.ExplanationPrompts;
import io.github.promptscope.neurons.FewShotExamples;
import io.github.promptscope.neurons.HighlightCutoff;
import io.github.promptscope.neurons.NeuronId;
import io.github.promptscope.neurons.PromptFormat;
import io.github.promptscope.neurons.PromptStyle;
import io.github.promptscope.neurons.Scoring;
import io.github.promptscope.neurons.Simulation;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Explain.neuron on the default model: the facade's steps are the library's, wired as documented. */
class ExplainNeuronTest {

    @Test
    void oneCallCollectsExplainsAndScoresANeuron() {
        System.setProperty("promptscope.progress", "off");
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            NeuronExplanation e = Explain.neuron(lm, 1, 3).documents(150)
                    .explainer(ExplainerConfig.defaults(PromptStyle.SUMMARY).withMaxTokens(16).withSeed(2)).run();
            assertEquals(new NeuronId(1, 3), e.id());
            assertEquals(20, e.record().mostPositive().size());
            assertEquals(15, e.record().randomSample().size());
            // the explainer saw the train split, fitted to 256 positions, and counted it with the tokenizer
            var shape = e.explainer().prompt().shape();
            String sent = ExplanationPrompts.explanation(PromptStyle.SUMMARY, e.explainer().prompt().excerptsShown(),
                    HighlightCutoff.of(e.record()), FewShotExamples.original().subList(0, shape.fewShotExamples()),
                    PromptFormat.NONE, shape.systemMessage()).text();
            assertEquals(sent, e.explainer().prompt().prompt().text());
            assertEquals(lm.tokenizer().encode(sent).length, e.explainer().promptTokens());
            assertTrue(e.explainer().promptTokens() <= 256 - 16);
            assertEquals(e.record().train(5).get(0).max(), e.explainer().prompt().excerptsShown().get(0).max(), 0.0,
                    "each window keeps its excerpt's peak");
            // the score is the simulator's on the valid split, for the first explanation
            assertEquals(e.explainer().explanations().get(0), e.explanation());
            // the simulator's 10 simulations of the valid split (5 top, 5 random excerpts), scored as concatenated
            List<Simulation> sims = e.scores().simulations();
            assertEquals(10, sims.size());
            for (int i = 0; i < 10; i++) {
                assertEquals(e.record().valid(5).get(i).tokens(), sims.get(i).tokens(), "excerpt " + i);
            }
            assertEquals(Scoring.score(e.record().valid(5), sims).correlation(), e.score(), 0.0);
            assertEquals(Scoring.score(e.record().validTop(5), sims.subList(0, 5)).correlation(),
                    e.scores().topOnly().correlation(), 0.0);
            assertTrue(e.summary().startsWith("layer 1 neuron 3: \"" + e.explanation() + "\""), e.summary());
            assertTrue(e.summary().contains("summary prompt on default: " + e.explainer().promptTokens() + " prompt"),
                    e.summary());
            System.out.print(e.summary());
        }
    }

    @Test
    void aNeuronOutsideTheModelIsNamed() {
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            assertEquals("neuron 768 is outside 0..767",
                    assertThrows(IllegalArgumentException.class, () -> Explain.neuron(lm, 1, 768)).getMessage());
            assertEquals("layer 4 is outside 0..3",
                    assertThrows(IllegalArgumentException.class, () -> Explain.neuron(lm, 4, 0)).getMessage());
        }
    }

}
