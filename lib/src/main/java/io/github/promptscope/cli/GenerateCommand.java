package io.github.promptscope.cli;

import io.github.promptscope.lm.Generation;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.LanguageModel;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Continue a prompt: greedy by default, sampled with --temperature.")
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Option(names = "--prompt", required = true, description = "Text to continue.")
    String prompt;

    @Option(names = "--max-new-tokens", defaultValue = "32", description = "Most tokens to add (default ${DEFAULT-VALUE}).")
    int maxNewTokens;

    @Option(names = "--temperature", defaultValue = "0", description = "0 for greedy (default), else sample at this temperature.")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Sample from the k most likely tokens only (0: all).")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Nucleus sampling threshold (1: off).")
    double topP;

    @Option(names = "--seed", defaultValue = "0", description = "Sampler seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--num-samples", defaultValue = "1", description = "Continuations to print, one per line block.")
    int numSamples;

    @Option(names = "--stop", description = "Stop when the continuation contains this text (repeatable).")
    List<String> stops = List.of();

    @Override
    public Integer call() {
        GenerationConfig cfg = GenerationConfig.builder().maxNewTokens(maxNewTokens).temperature(temperature)
                .topK(topK).topP(topP).seed(seed).numSamples(numSamples).stopStrings(stops).build();
        try (LanguageModel lm = model.load()) {
            List<Generation> out = lm.generate(List.of(prompt), cfg);
            for (Generation g : out) {
                System.out.println(g.text());
            }
        }
        return 0;
    }
}
