package io.github.promptscope.cli;

import io.github.promptscope.util.RepoPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.lm.Dtype;
import io.github.promptscope.lm.Engines;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.MatmulProbe;
import io.github.promptscope.search.RerankBenchmark;
import io.github.promptscope.search.SoakBenchmark;
import io.github.promptscope.util.ProcessMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark harness. 'bench rerank': candidates and tokens per second and GFLOP/s of iPrompt's reranking loop,",
                "and the GFLOP/s as a fraction of the matmul peak on the loop's shapes measured after it (same process),",
                "beside the fraction a loop of nothing but those multiplies would reach (pure_multiply_fraction_of_matmul_peak);",
                "--workload-out writes the same work for environment/bench_transformers.py.",
                "'bench soak': --steps iPrompt-shaped steps (sampled proposals, then the reranking workload),",
                "printing resident memory every --every steps and its growth over the second half.",
                "Run the JVM with -XX:NativeMemoryTracking=summary to split the JVM's share from native libraries'.",
                "'bench matmul': float32 matrix-multiply GFLOP/s through DJL on the scoring loop's shapes (no --model),",
                "the peak the rerank rate is a fraction of."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "What to measure: rerank, soak or matmul.")
    String what;

    @Mixin
    ModelOption model;

    @Mixin
    DtypeOption dtype;

    @Option(names = "--candidates", defaultValue = "60", description = "Prompts per pass (iPrompt's 60 per step). Default ${DEFAULT-VALUE}.")
    int candidates;

    @Option(names = "--examples", defaultValue = "16", description = "Examples per prompt. Default ${DEFAULT-VALUE}.")
    int examples;

    @Option(names = "--tokens", defaultValue = "6", description = "Prompt length. Default ${DEFAULT-VALUE}.")
    int tokens;

    @Option(names = "--passes", defaultValue = "5", description = "Timed passes. Default ${DEFAULT-VALUE}.")
    int passes;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--steps", defaultValue = "2000", description = "soak: steps to run. Default ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--every", defaultValue = "100", description = "soak: steps between readings. Default ${DEFAULT-VALUE}.")
    int every;

    @Option(names = "--proposals", defaultValue = "12", description = "soak: prompts sampled per step (iPrompt's"
            + " population and fresh ones). Default ${DEFAULT-VALUE}.")
    int proposals;

    @Option(names = "--workload-out", description = "Also write the workload's token ids as JSON.")
    Path workloadOut;

    @Option(names = "--compare-dtypes", description = "rerank and matmul: time float32 and bfloat16 in the same run,"
            + " taking turns pass by pass, and print both rates and their ratio.")
    boolean compareDtypes;

    @Override
    public Integer call() throws Exception {
        if (what.equals("soak")) {
            return soak();
        }
        if (what.equals("matmul")) {
            return matmul();
        }
        if (!what.equals("rerank")) {
            throw new IllegalArgumentException("unknown benchmark '" + what + "'; known: rerank, soak, matmul");
        }
        try (LanguageModel lm = model.load(dtype.get())) {
            RerankBenchmark.Workload w = RerankBenchmark.workload(lm, candidates, examples, tokens, seed);
            if (workloadOut != null) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("prompts", w.prompts());
                json.put("contexts", w.contexts());
                json.put("targets", w.targets());
                Files.writeString(workloadOut, new ObjectMapper().writeValueAsString(json));
            }
            if (compareDtypes) {
                return compareDtypes(lm, w);
            }
            RerankBenchmark.Timing t = RerankBenchmark.time(lm, w, passes);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("implementation", "promptscope");
            out.put("engine", Engines.describe());
            out.put("dtype", lm.dtypeDescription());
            out.put("threads", System.getProperty("ai.djl.pytorch.num_threads"));
            out.put("model", RepoPaths.label(lm.dir()));
            out.put("candidates", candidates);
            out.put("examples", examples);
            out.put("prompt_tokens", tokens);
            out.put("tokens_per_pass", w.tokensPerPass());
            out.put("passes", passes);
            out.put("seconds", t.seconds());
            out.put("candidates_per_second", t.candidatesPerSecond());
            out.put("tokens_per_second", t.tokensPerSecond());
            out.put("gflops_per_second", t.gflopsPerSecond());
            MatmulProbe.Rate peak = loopPeak(lm, w, out);
            out.put("matmul_peak_gflops_per_second", peak.gflops());
            out.put("matmul_peak_shape", peak.m() + "x" + peak.k() + "x" + peak.n());
            out.put("fraction_of_matmul_peak", t.gflopsPerSecond() / peak.gflops());
            out.put("loss_of_prompt_0", t.checksum());
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
        return 0;
    }

    /** rerank --compare-dtypes: the model loaded again in bfloat16, both timed in turns on the same workload. */
    private int compareDtypes(LanguageModel f32, RerankBenchmark.Workload w) throws Exception {
        Path dir = f32.dir();
        try (LanguageModel bf16 = LanguageModel.load(dir, Dtype.BFLOAT16)) {
            List<RerankBenchmark.Timing> t = RerankBenchmark.timeAlternating(List.of(f32, bf16), w, passes);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("benchmark", "rerank, float32 and bfloat16 in turns");
            out.put("engine", Engines.describe());
            out.put("threads", System.getProperty("ai.djl.pytorch.num_threads"));
            out.put("model", RepoPaths.label(dir));
            out.put("candidates", candidates);
            out.put("examples", examples);
            out.put("passes", passes);
            out.put("float32_candidates_per_second", t.get(0).candidatesPerSecond());
            out.put("bfloat16_candidates_per_second", t.get(1).candidatesPerSecond());
            out.put("bfloat16_speedup", t.get(0).seconds() / t.get(1).seconds());
            out.put("float32_gflops_per_second", t.get(0).gflopsPerSecond());
            out.put("bfloat16_gflops_per_second", t.get(1).gflopsPerSecond());
            out.put("float32_loss_of_prompt_0", t.get(0).checksum());
            out.put("bfloat16_loss_of_prompt_0", t.get(1).checksum());
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
        return 0;
    }

    /**
     * The matmul rate on the loop's own shapes ({@link MatmulProbe#scoringShapes}), measured in this
     * process right after the loop, best of --passes each: the rate the loop's GFLOP/s is a fraction of.
     * Every shape's rate goes into {@code out} as well, and the ceiling: the rate of a loop made of
     * nothing but these multiplies (each shape's share of the work at its own rate), as a fraction of
     * the best, which is what the loop's fraction could reach with everything between the multiplies
     * free. Returns the best.
     */
    private MatmulProbe.Rate loopPeak(LanguageModel lm, RerankBenchmark.Workload w, Map<String, Object> out) {
        Map<String, Double> rates = new LinkedHashMap<>();
        int[][] shapes = MatmulProbe.scoringShapes(lm, w.contexts(), w.targets());
        double[] flops = w.flopsByMultiply(lm.config());
        double pureMultiplySeconds = 0;
        MatmulProbe.Rate best = null;
        for (int i = 0; i < shapes.length; i++) {
            int[] s = shapes[i];
            MatmulProbe.Rate r = MatmulProbe.measure(s[0], s[1], s[2], passes, lm.dtype());
            rates.put(s[0] + "x" + s[1] + "x" + s[2], r.gflops());
            pureMultiplySeconds += flops[i] / 1e9 / r.gflops();
            if (best == null || r.gflops() > best.gflops()) {
                best = r;
            }
        }
        double ceiling = w.flopsPerPass(lm.config()) / 1e9 / pureMultiplySeconds;
        out.put("matmul_gflops_per_second_by_shape", rates);
        out.put("pure_multiply_gflops_per_second", ceiling);
        out.put("pure_multiply_fraction_of_matmul_peak", ceiling / best.gflops());
        return best;
    }

    private int soak() throws Exception {
        if (proposals < 1 || proposals > candidates) {
            throw new IllegalArgumentException("--proposals must be in 1..--candidates (" + candidates + "); got " + proposals);
        }
        try (LanguageModel lm = model.load(dtype.get())) {
            RerankBenchmark.Workload w = RerankBenchmark.workload(lm, candidates, examples, tokens, seed);
            // jvm and heap: committed per native memory tracking (- without -XX:NativeMemoryTracking=summary)
            System.out.printf("%7s %9s %10s %10s %10s %14s%n", "step", "seconds", "rss MB", "jvm MB", "heap MB",
                    "rss - jvm MB");
            SoakBenchmark.Result r = SoakBenchmark.run(lm, w, steps, every, proposals, s -> {
                ProcessMemory.Reading m = s.memory();
                System.out.printf("%7d %9.1f %10.1f %10s %10s %14s%n", s.step(), s.seconds(), mb(m.residentBytes()),
                        orDash(m.jvmCommittedBytes()), orDash(m.heapCommittedBytes()), m.jvmCommittedBytes() < 0 ? "-"
                                : String.format("%.1f", mb(m.residentBytes() - m.jvmCommittedBytes())));
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("benchmark", "soak");
            out.put("model", RepoPaths.label(lm.dir()));
            out.put("threads", System.getProperty("ai.djl.pytorch.num_threads"));
            out.put("steps", steps);
            out.put("peak_rss_mb", mb(r.peakResidentBytes()));
            out.put("final_rss_mb", mb(r.samples().get(r.samples().size() - 1).memory().residentBytes()));
            out.put("rss_growth_mb_per_1000_steps_second_half", r.slopeBytesPerStep() * 1000 / (1 << 20));
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
        return 0;
    }

    /** One JSON line per shape: the best of --passes multiplies, in GFLOP/s. */
    private int matmul() throws Exception {
        if (passes < 1) {
            throw new IllegalArgumentException("--passes must be at least 1; got " + passes);
        }
        List<Dtype> dtypes = compareDtypes ? List.of(Dtype.FLOAT32, Dtype.BFLOAT16)
                : List.of(dtype.get() == Dtype.AUTO ? Dtype.FLOAT32 : dtype.get());
        for (int[] s : MatmulProbe.SHAPES) {
            for (Dtype d : dtypes) {
                MatmulProbe.Rate r = MatmulProbe.measure(s[0], s[1], s[2], passes, d);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("benchmark", "matmul");
                out.put("implementation", "promptscope (DJL " + Engines.describe() + ")");
                out.put("dtype", d.label());
                out.put("threads", System.getProperty("ai.djl.pytorch.num_threads"));
                out.put("shape", r.m() + "x" + r.k() + "x" + r.n());
                out.put("best_seconds", r.bestSeconds());
                out.put("gflops_per_second", r.gflops());
                out.put("relative_error", r.relativeError());
                System.out.println(new ObjectMapper().writeValueAsString(out));
            }
        }
        return 0;
    }

    private static double mb(long bytes) {
        return Math.round(bytes * 10.0 / (1 << 20)) / 10.0;
    }

    private static String orDash(long bytes) {
        return bytes < 0 ? "-" : String.format("%.1f", mb(bytes));
    }
}
