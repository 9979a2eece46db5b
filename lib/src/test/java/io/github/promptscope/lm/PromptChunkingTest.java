package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared-prompt scorer splits a call into passes of at most {@link SharedPromptScorer#PROMPT_SCORE_ROWS}
 * rows (prompt x example) to bound the memory a pass allocates; a prompt's scores do not depend on
 * which pass, or how full a pass, it was scored in.
 */
class PromptChunkingTest {

    @Test
    void promptsScoredAcrossSeveralPassesMatchEachPromptScoredAlone() {
        LanguageModel lm = Fixtures.model(Fixtures.names().get(0));
        TextTokenizer tok = lm.tokenizer();
        List<long[]> contexts = new ArrayList<>();
        List<long[]> targets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            contexts.add(tok.encode(". Given the input numbers " + i + " and " + (i * 7 % 10) + ", the answer is"));
            targets.add(tok.encode(" " + (i + i * 7 % 10)));
        }
        // 20 prompts of one length x 16 examples = 320 rows: more than two passes, the last one partly full
        long[] base = tok.encode(" Add the two numbers");
        List<long[]> prompts = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            long[] ids = java.util.Arrays.copyOf(base, base.length + 1);
            ids[base.length] = p + 1;
            prompts.add(ids);
        }
        assertEquals(true, prompts.size() * contexts.size() > 2 * SharedPromptScorer.PROMPT_SCORE_ROWS,
                "the prompts must need more than two passes");
        PromptScores together = lm.scoreUnderPrompts(prompts, contexts, targets);
        for (int p = 0; p < prompts.size(); p++) {
            PromptScores alone = lm.scoreUnderPrompts(List.of(prompts.get(p)), contexts, targets);
            float[] a = alone.logProbs()[0];
            float[] t = together.logProbs()[p];
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], t[i], 1e-5f, "prompt " + p + " example " + i);
            }
            assertArrayEquals(alone.greedy()[0], together.greedy()[p], "greedy of prompt " + p);
        }
    }
}
