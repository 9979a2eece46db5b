package io.github.promptscope.cli;

import io.github.promptscope.util.RepoPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.lm.Engines;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.search.RerankBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark harness. 'bench rerank': candidates and tokens scored per second in iPrompt's",
                "reranking loop; --workload-out writes the same work for environment/bench_transformers.py."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "What to measure: rerank.")
    String what;

    @Mixin
    ModelOption model;

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

    @Option(names = "--workload-out", description = "Also write the workload's token ids as JSON.")
    Path workloadOut;

    @Override
    public Integer call() throws Exception {
        if (!what.equals("rerank")) {
            throw new IllegalArgumentException("unknown benchmark '" + what + "'; known: rerank");
        }
        try (LanguageModel lm = model.load()) {
            RerankBenchmark.Workload w = RerankBenchmark.workload(lm, candidates, examples, tokens, seed);
            if (workloadOut != null) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("prompts", w.prompts());
                json.put("contexts", w.contexts());
                json.put("targets", w.targets());
                Files.writeString(workloadOut, new ObjectMapper().writeValueAsString(json));
            }
            RerankBenchmark.Timing t = RerankBenchmark.time(lm, w, passes);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("implementation", "promptscope");
            out.put("engine", Engines.describe());
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
            out.put("loss_of_prompt_0", t.checksum());
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
        return 0;
    }
}
