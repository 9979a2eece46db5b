package io.github.promptscope.search;

import io.github.promptscope.lm.Generation;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.util.ProcessMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A long run of iPrompt-shaped steps that watches the process's memory: each step samples
 * {@code proposals} prompts from a data context (the proposer's KV-cached generation) and scores
 * the reranking workload ({@link RerankBenchmark}: candidates x examples) under the shared-prompt
 * scorer, as {@code explain} does at every step. Every {@code every} steps it reads resident memory
 * and the JVM's own share ({@link ProcessMemory}); at the end it fits the growth of resident memory
 * over the second half of the run, after allocators and caches have warmed up. A run whose memory
 * is bounded has a slope near zero however long it runs.
 */
public final class SoakBenchmark {

    /** One reading after {@code step} steps. */
    public record Sample(int step, double seconds, ProcessMemory.Reading memory) {}

    /** All readings and the least-squares growth of resident memory over the second half, in bytes per step. */
    public record Result(List<Sample> samples, double slopeBytesPerStep, long peakResidentBytes) {}

    private SoakBenchmark() {}

    public static Result run(LanguageModel lm, RerankBenchmark.Workload w, int steps, int every, int proposals,
            Consumer<Sample> progress) {
        if (steps < 2 || every < 1) {
            throw new IllegalArgumentException("--steps must be at least 2 and --every at least 1; got " + steps + " and "
                    + every);
        }
        long[] context = w.contexts().get(0);
        List<long[]> contexts = new ArrayList<>();
        for (int i = 0; i < proposals; i++) {
            contexts.add(context);
        }
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        for (int step = 1; step <= steps; step++) {
            List<Generation> g = lm.generateFromIds(contexts, GenerationConfig.sampling(w.prompts().get(0).length, 1.0, step));
            List<long[]> candidates = new ArrayList<>(w.prompts().subList(0, w.prompts().size() - g.size()));
            for (Generation x : g) {
                candidates.add(pad(x.tokens(), w.prompts().get(0).length));
            }
            lm.scoreUnderPrompts(candidates, w.contexts(), w.targets());
            if (step % every == 0 || step == steps) {
                Sample s = new Sample(step, (System.nanoTime() - start) / 1e9, ProcessMemory.read());
                samples.add(s);
                progress.accept(s);
            }
        }
        return new Result(samples, secondHalfSlope(samples), samples.stream()
                .mapToLong(s -> s.memory().residentBytes()).max().orElse(-1));
    }

    /** A sampled prompt stopped early (end of text) is padded with its last token: every candidate has one length. */
    private static long[] pad(long[] ids, int length) {
        long[] out = java.util.Arrays.copyOf(ids, length);
        for (int i = Math.max(1, ids.length); i < length; i++) {
            out[i] = ids.length == 0 ? 0 : ids[ids.length - 1];
        }
        return out;
    }

    /** Least-squares slope of resident bytes against step over the later half of the samples. */
    static double secondHalfSlope(List<Sample> samples) {
        List<Sample> late = samples.subList(samples.size() / 2, samples.size());
        if (late.size() < 2) {
            return 0;
        }
        double mx = late.stream().mapToDouble(Sample::step).average().orElse(0);
        double my = late.stream().mapToDouble(s -> s.memory().residentBytes()).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample s : late) {
            num += (s.step() - mx) * (s.memory().residentBytes() - my);
            den += (s.step() - mx) * (s.step() - mx);
        }
        return den == 0 ? 0 : num / den;
    }
}
