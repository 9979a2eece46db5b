package io.github.promptscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.ScoreRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prompt accuracy through a real (tiny, random) model, against answers computed one at a time. */
class LmPromptAccuracyTest {

    private static LanguageModel lm;

    @BeforeAll
    static void load() throws Exception {
        lm = LanguageModel.load(Path.of(LmPromptAccuracyTest.class.getResource("/fixtures/gpt2-lmhead").toURI()));
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    private static List<String> inputs() {
        return List.of("Given the input numbers 1 and 2, the answer is", "Given the input numbers 3 and 4, the answer is",
                "Given the input numbers 5 and 6, the answer is", "Given the input numbers 7 and 8, the answer is");
    }

    @Test
    void greedyOutputsAreExactMatchesAndOthersAreNot() {
        String prompt = " Add the numbers";
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < inputs().size(); i++) {
            String x = inputs().get(i);
            // what the model itself continues with, decoded piece by piece, so greedy by construction
            String y = lm.generate(prompt + ". " + x, GenerationConfig.greedy(2).withStopAtEos(false)).text();
            boolean reencodes = java.util.Arrays.equals(lm.tokenizer().encode(y),
                    lm.generate(prompt + ". " + x, GenerationConfig.greedy(2).withStopAtEos(false)).tokens());
            examples.add(new Example(x, i % 2 == 0 && reencodes ? y : " 999", x + y));
        }
        LmPromptAccuracy.Result r = LmPromptAccuracy.exactMatch(lm, prompt, examples);
        for (int i = 0; i < examples.size(); i++) {
            boolean greedyRow = !examples.get(i).output().equals(" 999");
            assertEquals(greedyRow, r.rows().get(i).correct(), "row " + i);
        }
        assertEquals(r.rows().stream().filter(LmPromptAccuracy.Row::correct).count() / 4.0, r.accuracy());
    }

    @Test
    void optionRankCountsBetterScoringOptions() {
        List<Example> examples = new ArrayList<>();
        String[] answers = {" 3", " 7", " 11", " 15"};
        for (int i = 0; i < 4; i++) {
            examples.add(new Example(inputs().get(i), answers[i] + ".\n\n", inputs().get(i) + answers[i] + "."));
        }
        LmPromptAccuracy.Result r = LmPromptAccuracy.optionRank(lm, " Add the numbers", examples);
        for (int i = 0; i < 4; i++) {
            double truth = lm.score(List.of(LmPromptAccuracy.request(" Add the numbers", inputs().get(i), answers[i])))
                    .get(0).sum();
            int rank = 0;
            for (String o : answers) {
                ScoreRequest req = LmPromptAccuracy.request(" Add the numbers", inputs().get(i), o);
                if (lm.score(List.of(req)).get(0).sum() > truth) {
                    rank++;
                }
            }
            assertEquals(rank, r.rows().get(i).rank(), "example " + i);
            assertEquals(truth, r.rows().get(i).logProb(), 1e-4);
        }
    }

    @Test
    void emptyExamplesAreAnError() {
        assertThrows(IllegalArgumentException.class, () -> LmPromptAccuracy.exactMatch(lm, "x", List.of()));
    }
}
