package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Behaviours that once differed from the reference (imodelsX {@code iprompt/}) and now match it:
 * final-reranking eligibility (more than 3 evaluations), AutoPrompt's final reranking and datapoint
 * stop, early stopping that leaves the seed's random stream alone, and one-shot rows capped at
 * {@code maxNDatapoints}. (The answer mask is in {@link ScoringLayoutTest}.)
 */
class ReferenceParityTest {

    private static PromptPool poolWith(int... evaluations) {
        PromptPool pool = new PromptPool("loss", "different_start_token", new Random(0));
        for (int p = 0; p < evaluations.length; p++) {
            for (int e = 0; e < evaluations[p]; e++) {
                pool.update(new long[] {p, 7}, 1.0 + p, 0.0);
            }
        }
        return pool;
    }

    @Test
    void finalRerankingTakesPromptsEvaluatedMoreThanThreeTimes() {
        // losses 1, 2, 3, 4 with 2, 3, 4, 5 evaluations: only the last two have more than 3
        PromptPool pool = poolWith(2, 3, 4, 5);
        List<PromptPool.Entry> eligible = pool.topkAll(FinalRanking.RERANKED, FinalRanking.MIN_EVALUATIONS);
        assertEquals(List.of(4, 5), eligible.stream().map(PromptPool.Entry::evaluations).toList());
        assertEquals(3.0, eligible.get(0).meanLoss(), 0.0);
        assertEquals(4, pool.topkAll(64, 0).size(), "0: no filter");
        assertEquals(0, poolWith(3, 3).topkAll(64, 3).size(), "exactly 3 is not enough");
    }

    /** A scorer that ignores the batch: loss grows with the prompt's ids, so no swap (to larger ids) is adopted. */
    private static List<CandidateScorer.Score> byIds(List<long[]> candidates, List<DataRows.Row> batch, List<Integer> seen) {
        seen.add(batch.size());
        List<CandidateScorer.Score> out = new ArrayList<>();
        for (long[] c : candidates) {
            long sum = 0;
            for (long id : c) {
                sum += id;
            }
            out.add(new CandidateScorer.Score(1.0 + sum / 1e6, 0.0, 0));
        }
        return out;
    }

    private static SearchResult autoPrompt(boolean rerank, List<Integer> batches) {
        IPromptConfig cfg = IPromptConfig.quick().toBuilder().numLearnedTokens(3).batchSize(4).maxNDatapoints(10)
                .doFinalReranking(rerank).seed(2).build();
        long the = SearchTestModels.tiny().tokenizer().encode(" the")[0];
        long[] swaps = {the + 1, the + 2, the + 3, the + 5};
        AutoPrompt search = new AutoPrompt(cfg, 4, "the").withSeams(new AutoPrompt.Seams(
                (prompt, position, batch) -> swaps, (c, b) -> byIds(c, b, batches)));
        List<Example> xs = SearchTestModels.addTwo();
        return search.search(SearchTestModels.tiny(), SearchTestModels.inputs(xs), SearchTestModels.outputs(xs),
                Budget.steps(100));
    }

    @Test
    void autoPromptStopsOnTheDatapointLimitAndHonoursFinalReranking() {
        assertTrue(SearchTestModels.addTwo().size() > 10, "more examples than maxNDatapoints, so rows are capped");
        List<Integer> batches = new ArrayList<>();
        SearchResult r = autoPrompt(true, batches);
        // 10 rows in batches of 4, 4, 2; the reference stops once MORE than 10 rows were stepped over: 4 steps
        assertEquals(4, r.steps());
        assertEquals("datapoints", r.stopReason());
        assertEquals(List.of(4, 4, 2, 4), batches.subList(0, 4));
        // reranked: the prompts scored more than 3 times (here the first prompt, kept for all 4 steps, as no
        // swap beats it), rescored on the first 256 rows, here all 10, in batches of 4, 4, 2
        Map<String, Integer> evaluations = new HashMap<>();
        r.trace().forEach(t -> evaluations.merge(t.prompt(), 1, Integer::sum));
        Set<String> pool = evaluations.keySet();
        List<String> eligible = evaluations.entrySet().stream().filter(e -> e.getValue() > 3).map(Map.Entry::getKey).toList();
        assertEquals(List.of(r.trace().get(0).prompt()), eligible);
        assertEquals(eligible, r.prompts());
        assertEquals(4, r.ranked().get(0).evaluations());
        assertEquals(List.of(4, 4, 2), batches.subList(4, batches.size()));
        assertEquals(r.trace().size() + 3L * r.ranked().size(), r.candidatesScored());
        for (RankedPrompt p : r.ranked()) {
            // the reranked loss: each batch's loss weighted by its rows, the same here for every batch
            assertEquals(byIds(List.of(p.ids()), List.of(), new ArrayList<>()).get(0).loss(), p.meanLoss(), 1e-12);
        }
        for (int i = 1; i < r.ranked().size(); i++) {
            assertTrue(r.ranked().get(i - 1).meanLoss() <= r.ranked().get(i).meanLoss(), "accuracy ties, by loss");
        }

        List<Integer> plain = new ArrayList<>();
        SearchResult off = autoPrompt(false, plain);
        assertEquals(4, plain.size(), "no reranking: only the 4 steps scored");
        assertEquals(off.trace().size(), off.candidatesScored());
        assertEquals(pool.size(), off.ranked().size());
    }

    private static IPromptConfig growing(long seed, int earlyStoppingSteps) {
        // one population member and one fresh prompt a step: the pool stays under 5 start tokens, so
        // the early-stopping top 5 would be padded with random repeats
        return IPromptConfig.quick().toBuilder().numLearnedTokens(2).batchSize(4).popSize(1).numRandomGenerations(1)
                .numMutations(1).doFinalReranking(false).earlyStoppingSteps(earlyStoppingSteps).seed(seed).build();
    }

    @Test
    void earlyStoppingDrawsNothingFromTheSeedsStream() {
        LanguageModel lm = SearchTestModels.tiny();
        List<Example> xs = SearchTestModels.addTwo();
        List<String> in = SearchTestModels.inputs(xs);
        List<String> out = SearchTestModels.outputs(xs);
        SearchResult off = new IPrompt(growing(7, -1)).search(lm, in, out, Budget.steps(4));
        SearchResult on = new IPrompt(growing(7, 1000)).search(lm, in, out, Budget.steps(4));
        assertEquals(4, on.steps());
        assertEquals("steps", on.stopReason());
        assertEquals(SearchGoldenTest.traceDigest(off), SearchGoldenTest.traceDigest(on));
        assertEquals(off.proposals(), on.proposals());
        assertEquals(off.prompts(), on.prompts());
        SearchResult other = new IPrompt(growing(8, 1000)).search(lm, in, out, Budget.steps(4));
        assertNotEquals(SearchGoldenTest.traceDigest(on), SearchGoldenTest.traceDigest(other), "the seed matters");
    }

    @Test
    void oneShotRowsAreSubsampledToMaxNDatapoints() {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            in.add("x" + i);
            out.add(" " + i);
        }
        List<DataRows.Row> capped = DataRows.build(in, out, 1, true, 8, new Random(3)).rows();
        assertEquals(8, capped.size());
        Set<String> distinct = new HashSet<>();
        capped.forEach(r -> distinct.add(r.input()));
        assertEquals(8, distinct.size(), "without replacement");
        assertTrue(in.containsAll(distinct));
        assertNotEquals(in.subList(0, 8), capped.stream().map(DataRows.Row::input).toList(), "a random sample, not the head");
        for (DataRows.Row r : capped) {
            assertEquals(" " + r.input().substring(1), r.output(), "a row keeps its own output");
        }
        // at or under the cap: every row, in the given order, and no draw from the generator
        Random rng = new Random(3);
        List<DataRows.Row> all = DataRows.build(in, out, 1, true, 20, rng).rows();
        assertEquals(in, all.stream().map(DataRows.Row::input).toList());
        assertEquals(new Random(3).nextLong(), rng.nextLong());
    }
}
