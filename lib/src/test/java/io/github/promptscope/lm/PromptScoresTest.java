package io.github.promptscope.lm;

import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared-prefix prompt scorer gives what scoring each (prompt, example) pair alone gives. */
class PromptScoresTest {

    static List<String> fixtures() {
        return Fixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void sharedPromptKeysChangeNoScore(String name) {
        LanguageModel lm = Fixtures.model(name);
        TextTokenizer tok = lm.tokenizer();
        List<long[]> prompts = new ArrayList<>();
        for (String p : List.of(" Add the numbers", " Multiply them ok", " 日本語 x", "", " a")) {
            prompts.add(tok.encode(p));
        }
        List<String> inputs = List.of(". Given the input numbers 9 and 7, the answer is", ". Input: dog Answer:",
                ". x", ". Given the input x is 3, the output f(x) is");
        List<String> outputs = List.of(" 16", " dogs and cats", " y", " 9");
        List<long[]> contexts = inputs.stream().map(tok::encode).toList();
        List<long[]> targets = outputs.stream().map(tok::encode).toList();
        PromptScores shared = lm.scoreUnderPrompts(prompts, contexts, targets);
        for (int p = 0; p < prompts.size(); p++) {
            double nll = 0;
            long tokens = 0;
            int correct = 0;
            for (int i = 0; i < inputs.size(); i++) {
                long[] prefix = TokenIds.concat(prompts.get(p), contexts.get(i));
                long[] all = TokenIds.concat(prefix, targets.get(i));
                TokenLogProbs ref = lm.logProbs(all);
                double sum = 0;
                for (int t = prefix.length; t < all.length; t++) {
                    sum += ref.logprobs()[t];
                }
                assertEquals(sum, shared.logProbs()[p][i], 1e-4, name + " prompt " + p + " example " + i);
                ContinuationScore alone = lm.score(List.of(new ScoreRequest(
                        List.of(tok.decode(prompts.get(p)), inputs.get(i)), outputs.get(i)))).get(0);
                if (java.util.Arrays.equals(tok.encode(tok.decode(prompts.get(p))), prompts.get(p))) {
                    assertEquals(alone.greedy(), shared.greedy()[p][i], name + " greedy " + p + "/" + i);
                    correct += alone.greedy() ? 1 : 0;
                } else {
                    correct += shared.greedy()[p][i] ? 1 : 0;
                }
                nll -= sum;
                tokens += targets.get(i).length;
            }
            assertEquals(nll / tokens, shared.loss(p), 1e-4);
            assertEquals((double) correct / inputs.size(), shared.accuracy(p), 1e-9);
        }
    }
}
