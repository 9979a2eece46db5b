package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.lm.LanguageModel;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The explain-and-compare loop: known answers with a ground-truth stub, and a real run on the default model. */
class PuzzleLoopTest {

    /** Answers each puzzle with its own ground truth, found by its sentences (test-local, model-free). */
    private static NeuronExplainer groundTruth(List<NeuronPuzzle> puzzles) {
        return (excerpts, cutoff) -> {
            assertEquals(HighlightCutoff.PUZZLES, cutoff, 0.0);
            for (NeuronPuzzle p : puzzles) {
                if (p.records().equals(excerpts)) {
                    return List.of(p.explanation());
                }
            }
            throw new AssertionError("the loop showed sentences of no puzzle");
        };
    }

    @Test
    void theGroundTruthExplainerMatchesEveryPuzzleAndAFalseOneNone() {
        List<NeuronPuzzle> puzzles = NeuronPuzzles.shipped();
        PuzzleReport right = new PuzzleLoop(groundTruth(puzzles), null).run(puzzles);
        assertEquals(23, right.exactMatches());
        assertEquals(1.0, right.meanKeywordRecall(), 0.0);
        assertTrue(Double.isNaN(right.meanSimilarity()), "no embedder, no cosine");
        assertEquals(0, right.closerToTruth());

        // each puzzle answered with its first false explanation
        NeuronExplainer wrong = (excerpts, cutoff) -> puzzles.stream().filter(p -> p.records().equals(excerpts))
                .findFirst().orElseThrow().falseExplanations().subList(0, 1);
        PuzzleReport report = new PuzzleLoop(wrong, null).run(puzzles);
        assertEquals(0, report.exactMatches());
        PuzzleResult colours = report.results().get(0);
        assertEquals("adjectives in general", colours.first());
        assertEquals(0.0, colours.keywordRecall(), 0.0);
        PuzzleResult digits = report.results().get(2);
        assertEquals("digits", digits.puzzle());
        // "numbers written out as words" against "numbers written with digits": numbers, written of 3 keywords
        assertEquals(2.0 / 3, digits.keywordRecall(), 1e-12);
    }

    @Test
    void onTheDefaultModelTheLoopExplainsEmbedsAndCounts() {
        System.setProperty("promptscope.progress", "off");
        List<NeuronPuzzle> puzzles = NeuronPuzzles.shipped().subList(0, 3);
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            LocalTextModel model = new LocalTextModel(lm);
            // the ground truth, embedded by the model: cosine 1 with itself, closer to it than to any false one
            PuzzleReport truth = new PuzzleLoop(groundTruth(puzzles), model).run(puzzles);
            assertEquals(1.0, truth.meanSimilarity(), 1e-6);
            assertEquals(3, truth.closerToTruth());

            LmExplainer explainer = new LmExplainer(model, ExplainerConfig.defaults(PromptStyle.SUMMARY).withMaxTokens(12));
            PuzzleReport report = new PuzzleLoop(explainer, model).run(puzzles);
            assertEquals(3, report.results().size());
            for (int i = 0; i < 3; i++) {
                PuzzleResult r = report.results().get(i);
                NeuronPuzzle p = puzzles.get(i);
                ExplanationFit.Fitted sent = explainer.prompt(p.records(), HighlightCutoff.PUZZLES);
                assertEquals(lm.tokenizer().encode(sent.prompt().text()).length, r.promptTokens(), p.name());
                assertTrue(r.promptTokens() <= 256 - 12, p.name());
                assertEquals(1, r.explanations().size());
                if (!r.first().isBlank()) {
                    assertTrue(r.similarity() >= -1 && r.similarity() <= 1, p.name() + ": " + r.similarity());
                    assertNotNull(r.closerToTruth());
                }
                System.out.printf("%s: %s | cosine %.3f, keywords %.2f, %d prompt tokens%n", p.name(), r.first(),
                        r.similarity(), r.keywordRecall(), r.promptTokens());
            }
            ObjectNode json = report.toJson(new ObjectMapper());
            assertEquals(3, json.get("summary").get("puzzles").asInt());
            assertEquals(report.meanPromptTokens(), json.get("summary").get("mean_prompt_tokens").asDouble(), 1e-12);
        }
    }
}
