package io.github.promptscope.search;

import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.data.PromptLayout;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.PromptScores;
import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The reranking loop on its own, as a benchmark workload: {@code candidates} random prompts of
 * {@code tokens} tokens, each scored on the same {@code examples} add_two rows in iPrompt's layout.
 * The workload is plain token ids, so {@code environment/bench_transformers.py} can run exactly the
 * same work with Python {@code transformers}.
 */
public final class RerankBenchmark {

    /** The ids to score: every prompt against every (context, target). */
    public record Workload(List<long[]> prompts, List<long[]> contexts, List<long[]> targets) {
        /** Tokens one pass pushes through the model (prompt + context + target for every pair). */
        public long tokensPerPass() {
            long perExample = 0;
            for (int i = 0; i < contexts.size(); i++) {
                perExample += contexts.get(i).length + targets.get(i).length;
            }
            long promptTokens = prompts.stream().mapToLong(p -> p.length).sum();
            return prompts.size() * perExample + promptTokens * contexts.size();
        }

        /**
         * Multiply-add work of one pass as the shared-prompt scorer does it (each prompt once, then
         * every example after it; only target-predicting positions reach the head), counting the
         * weight matrices, attention's two products and the LM head: 2 flops per multiply-add.
         * Norms, softmax and activations are left out, so the rate it gives is a lower bound.
         */
        public double flopsPerPass(ModelConfig c) {
            double d = c.hiddenSize();
            double kv = (double) c.numKvHeads() * c.headDim();
            double q = (double) c.numHeads() * c.headDim();
            int mlpMatrices = c.architecture() == ModelConfig.Architecture.LLAMA ? 3 : 2;
            double perTokenLayer = 2 * (d * q + 2 * d * kv + q * d + mlpMatrices * d * c.intermediateSize());
            double flops = 0;
            for (long[] p : prompts) {
                flops += p.length * (perTokenLayer + 2 * 2 * q * p.length / 2.0) * c.numLayers();
                for (int i = 0; i < contexts.size(); i++) {
                    int suffix = contexts.get(i).length + targets.get(i).length;
                    double keys = p.length + suffix / 2.0; // mean keys a suffix position attends to
                    flops += suffix * (perTokenLayer + 2 * 2 * q * keys) * c.numLayers();
                    flops += 2.0 * targets.get(i).length * d * c.vocabSize();
                }
            }
            return flops;
        }
    }

    /** Timing of repeated passes. */
    public record Timing(int passes, double seconds, double candidatesPerSecond, double tokensPerSecond,
            double gflopsPerSecond, double checksum) {}

    private RerankBenchmark() {}

    public static Workload workload(LanguageModel lm, int candidates, int examples, int tokens, long seed) {
        TextTokenizer tok = lm.tokenizer();
        Random rng = new Random(seed);
        List<long[]> prompts = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            long[] p = new long[tokens];
            for (int t = 0; t < tokens; t++) {
                p[t] = rng.nextInt(tok.vocabSize());
            }
            prompts.add(p);
        }
        List<long[]> contexts = new ArrayList<>();
        List<long[]> targets = new ArrayList<>();
        List<Example> rows = Datasets.get("add_two", seed, 100).train();
        for (int i = 0; i < examples; i++) {
            Example e = rows.get(i % rows.size());
            contexts.add(tok.encode(PromptLayout.BEFORE_INPUT + e.input()));
            targets.add(tok.encode(PromptLayout.stripOutput(e.output())));
        }
        return new Workload(prompts, contexts, targets);
    }

    /** Scores the workload {@code passes} times (after one warm-up pass) with the shared-prompt scorer. */
    public static Timing time(LanguageModel lm, Workload w, int passes) {
        return timeAlternating(List.of(lm), w, passes).get(0);
    }

    /**
     * The same for several models (one checkpoint in two dtypes, say) taking turns pass by pass, so
     * that on a shared machine each sees the same load: an A/B within one run.
     */
    public static List<Timing> timeAlternating(List<LanguageModel> models, Workload w, int passes) {
        int n = models.size();
        long[] nanos = new long[n];
        double[] checksum = new double[n];
        for (LanguageModel lm : models) {
            lm.scoreUnderPrompts(w.prompts(), w.contexts(), w.targets()); // warm-up
        }
        for (int i = 0; i < passes; i++) {
            for (int j = 0; j < n; j++) {
                long start = System.nanoTime();
                PromptScores s = models.get(j).scoreUnderPrompts(w.prompts(), w.contexts(), w.targets());
                nanos[j] += System.nanoTime() - start;
                checksum[j] = s.loss(0);
            }
        }
        List<Timing> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double seconds = nanos[j] / 1e9;
            out.add(new Timing(passes, seconds, passes * w.prompts().size() / seconds, passes * w.tokensPerPass() / seconds,
                    passes * w.flopsPerPass(models.get(j).config()) / seconds / 1e9, checksum[j]));
        }
        return out;
    }
}
