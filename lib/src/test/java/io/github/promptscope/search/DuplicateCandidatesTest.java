package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.PromptScores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A step's candidates repeat prompts (mutations that regrow the same tokens, fresh samples equal to
 * the population): each distinct prompt is scored once, and every candidate still gets exactly the
 * number the undeduplicated scoring gave it, so rankings and the pool's running means do not move.
 */
class DuplicateCandidatesTest {

    @Test
    void aStepWithRepeatsScoresEachPromptOnceWithTheSameNumbers() {
        LanguageModel lm = SearchTestModels.defaultModel();
        List<Example> xs = SearchTestModels.addTwo();
        IPromptConfig cfg = IPromptConfig.quick();
        List<DataRows.Row> batch = DataRows.build(SearchTestModels.inputs(xs), SearchTestModels.outputs(xs),
                cfg.nShots(), cfg.singleShotLoss(), cfg.maxNDatapoints(), new Random(1)).rows().subList(0, 16);
        // 12 distinct 6-token prompts, then 36 candidates drawn from them (iPrompt's 60 per step, smaller)
        Random rng = new Random(7);
        List<long[]> distinct = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            distinct.add(rng.longs(6, 0, lm.tokenizer().vocabSize()).toArray());
        }
        List<long[]> candidates = new ArrayList<>(distinct);
        for (int i = 0; i < 24; i++) {
            candidates.add(distinct.get(rng.nextInt(distinct.size())).clone()); // equal ids, another array
        }

        CandidateScorer scorer = new CandidateScorer(lm, cfg, batch.stream().map(DataRows.Row::output).toList());
        List<CandidateScorer.Score> scores = scorer.score(candidates, batch);
        assertEquals(36, scorer.candidatesAsked());
        assertEquals(12, scorer.candidatesComputed());

        // before: every candidate, repeats included, through the model in one call
        List<long[]> contexts = batch.stream().map(r -> scorer.context(r, 6)).toList();
        List<long[]> targets = batch.stream().map(scorer::target).toList();
        PromptScores all = lm.scoreUnderPrompts(candidates, contexts, targets, scorer.allowedAnswers());
        for (int i = 0; i < candidates.size(); i++) {
            assertEquals(all.loss(i), scores.get(i).loss(), 0.0, "loss of candidate " + i);
            assertEquals(all.accuracy(i), scores.get(i).accuracy(), 0.0, "accuracy of candidate " + i);
            assertEquals(all.correct(i), scores.get(i).correct(), "rows right for candidate " + i);
        }
        assertEquals(rank(IntStream.range(0, candidates.size()).mapToObj(i -> new CandidateScorer.Score(all.loss(i),
                all.accuracy(i), all.correct(i))).toList()), rank(scores));
    }

    /** Candidate indices by accuracy (descending), then loss, then position: the pool's stable order. */
    private static List<Integer> rank(List<CandidateScorer.Score> s) {
        return IntStream.range(0, s.size()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -s.get(i).accuracy())
                        .thenComparingDouble(i -> s.get(i).loss()).thenComparingInt(i -> i))
                .toList();
    }
}
