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
         * Floating-point operations of one pass (2 per multiply-add), counted as the shared-prompt scorer does
         * the work, so that GFLOP/s over the measured time is comparable with a matrix-multiply rate:
         * <ul>
         * <li>each prompt once: its tokens through every block (the query, key, value and output projections,
         *     the MLP's matrices, and attention's two products over the causal keys, 4 x heads x head_dim per
         *     key);</li>
         * <li>each (prompt, example) row: its context and target tokens through every block, attending to the
         *     prompt's keys and its own earlier ones, except that the last block's MLP and the LM head run only
         *     at the positions that predict a target token.</li>
         * </ul>
         * Padding is not counted (it is waste), nor norms, softmax, the activation and residual adds (a few
         * operations per element, against hundreds per element in the multiplies).
         */
        public double flopsPerPass(ModelConfig c) {
            return java.util.Arrays.stream(flopsByMultiply(c)).sum();
        }

        /**
         * {@link #flopsPerPass} split by the multiply that does the work, in the order of
         * {@code MatmulProbe.scoringShapes}: the query-key-value projection (with attention's two products
         * over the keys, 0.3% of the total at GPT-2 small's shape, which have no probe shape of their
         * own), the attention output projection, the MLP's up projection(s) (gate and up for Llama), its
         * down projection, and the LM head. Each share over its shape's probe rate is the time a loop of
         * pure multiplies would take: the ceiling of the loop's fraction of the best shape's rate.
         */
        public double[] flopsByMultiply(ModelConfig c) {
            double d = c.hiddenSize();
            double q = (double) c.numHeads() * c.headDim();
            double kv = (double) c.numKvHeads() * c.headDim();
            double inter = c.intermediateSize();
            int upMatrices = c.architecture() == ModelConfig.Architecture.LLAMA ? 2 : 1;
            double qkv = 2 * (d * q + 2 * d * kv); // per token and block
            double out = 2 * q * d;
            double up = 2.0 * upMatrices * d * inter;
            double down = 2 * inter * d;
            double perKey = 2 * 2 * q; // q.k and p.v per attended key, per block
            int layers = c.numLayers();
            double[] flops = new double[5];
            for (long[] p : prompts) {
                double n = p.length;
                flops[0] += layers * (n * qkv + perKey * n * (n + 1) / 2);
                flops[1] += layers * n * out;
                flops[2] += layers * n * up;
                flops[3] += layers * n * down;
                for (int i = 0; i < contexts.size(); i++) {
                    double s = contexts.get(i).length + targets.get(i).length;
                    double read = targets.get(i).length;
                    // the last block's MLP runs only at the read positions
                    double mlpPositions = (layers - 1) * s + read;
                    flops[0] += layers * (s * qkv + perKey * (s * n + s * (s + 1) / 2));
                    flops[1] += layers * s * out;
                    flops[2] += mlpPositions * up;
                    flops[3] += mlpPositions * down;
                    flops[4] += read * 2 * d * c.vocabSize();
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
