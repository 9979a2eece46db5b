package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.util.Hashes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The searches keep their trace, proposals and prompt pool compactly (prompt ids into the pool,
 * primitive columns, running means), and a search must return exactly what it returned when each
 * trace entry, proposal and evaluation was an object of its own. The digests were recorded by this
 * test on the code before the change (commit c88924f) and cover every bit of every number: each
 * trace entry (step, origin, text, loss, accuracy), each proposal, and each pool prompt's mean loss,
 * mean accuracy and evaluation count (no final reranking, so the ranking is the whole pool).
 *
 * <p>The bits depend on the CPU's float kernels: the digests of c88924f were recorded on an AVX-512
 * machine; on a CPU without AVX-512 (AMD EPYC, AVX2) libtorch rounds differently, and 11b3431 and later
 * give the second digest of each pair there (measured on both commits, the same), which guards the
 * compact code against changes on that machine as the first does on the other.
 */
class CompactTraceTest {

    /** Whether the CPU lists AVX-512 (the kernels the first digests were recorded with). */
    static final boolean AVX512 = cpuFlags().contains(" avx512f");

    private static String cpuFlags() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void iPromptReturnsWhatTheObjectPerEntryCodeReturned() {
        IPromptConfig cfg = IPromptConfig.quick().toBuilder().numMutations(1).seed(1).doFinalReranking(false).build();
        SearchResult r = new IPrompt(cfg).search(model(), inputs(), outputs(), Budget.steps(3));
        assertEquals(72, r.trace().size());
        assertEquals(56, r.proposals().size());
        assertEquals(39, r.ranked().size());
        assertEquals(AVX512 ? "9623cd64a3341a25" : "929d214b0f35c8d1", digest(r));
    }

    @Test
    void autoPromptReturnsWhatTheObjectPerEntryCodeReturned() {
        IPromptConfig cfg = IPromptConfig.quick().toBuilder().seed(1).doFinalReranking(false).build();
        SearchResult r = AutoPrompt.defaults(cfg).search(model(), inputs(), outputs(), Budget.steps(2));
        assertEquals(66, r.trace().size());
        assertEquals(63, r.ranked().size());
        assertEquals(AVX512 ? "79c7a64f90655a26" : "1d81d5b6a2435817", digest(r));
    }

    @Test
    void poolMeansAreTheBitsTheAverageOfEveryEvaluationGave() {
        Random rng = new Random(5);
        PromptPool pool = new PromptPool("loss", "different_start_token", rng);
        Map<Integer, List<Double>> losses = new HashMap<>();
        Map<Integer, List<Double>> accuracies = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            long[] ids = {rng.nextInt(40), 7};
            // losses of very different sizes, where a plain running sum loses the low bits
            double loss = rng.nextDouble() * Math.pow(10, rng.nextInt(12) - 4);
            double accuracy = rng.nextInt(17) / 16.0;
            int id = pool.update(ids, loss, accuracy);
            losses.computeIfAbsent(id, k -> new ArrayList<>()).add(loss);
            accuracies.computeIfAbsent(id, k -> new ArrayList<>()).add(accuracy);
        }
        assertEquals(40, pool.size());
        for (PromptPool.Entry e : pool.all()) {
            double loss = losses.get(e.id).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double accuracy = accuracies.get(e.id).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertEquals(Double.doubleToRawLongBits(loss), Double.doubleToRawLongBits(e.meanLoss()), "prompt " + e.id);
            assertEquals(Double.doubleToRawLongBits(accuracy), Double.doubleToRawLongBits(e.meanAccuracy()), "prompt " + e.id);
            assertEquals(losses.get(e.id).size(), e.evaluations());
        }
    }

    @Test
    void aNanLossMakesTheMeanNanAsBefore() {
        PromptPool pool = new PromptPool("loss", "different_start_token", new Random(0));
        pool.update(new long[] {1}, 0.5, 1.0);
        int id = pool.update(new long[] {1}, Double.NaN, 0.0);
        assertTrue(Double.isNaN(pool.all().get(id).meanLoss()));
        assertEquals(0.5, pool.all().get(id).meanAccuracy(), 0.0);
    }

    private static LanguageModel model() {
        return SearchTestModels.defaultModel();
    }

    private static List<String> inputs() {
        List<Example> xs = SearchTestModels.addTwo();
        return SearchTestModels.inputs(xs);
    }

    private static List<String> outputs() {
        return SearchTestModels.outputs(SearchTestModels.addTwo());
    }

    /** SHA-256 (16 hex digits) of the trace, the proposals and the ranking, numbers as their exact bits. */
    static String digest(SearchResult r) {
        StringBuilder b = new StringBuilder();
        for (TraceEntry t : r.trace()) {
            b.append(t.step()).append('|').append(t.origin()).append('|').append(t.prompt()).append('|')
                    .append(Long.toHexString(Double.doubleToRawLongBits(t.loss()))).append('|')
                    .append(Long.toHexString(Double.doubleToRawLongBits(t.accuracy()))).append('\n');
        }
        for (String p : r.proposals()) {
            b.append(p).append('\n');
        }
        for (RankedPrompt p : r.ranked()) {
            b.append(p.text()).append('|').append(Arrays.toString(p.ids())).append('|')
                    .append(Long.toHexString(Double.doubleToRawLongBits(p.meanLoss()))).append('|')
                    .append(Long.toHexString(Double.doubleToRawLongBits(p.meanAccuracy()))).append('|')
                    .append(p.evaluations()).append('\n');
        }
        return Hashes.sha256(b.toString()).substring(0, 16);
    }
}
