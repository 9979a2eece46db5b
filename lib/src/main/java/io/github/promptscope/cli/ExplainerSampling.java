package io.github.promptscope.cli;

import io.github.promptscope.neurons.ExplainerConfig;
import io.github.promptscope.neurons.PromptStyle;

import picocli.CommandLine.Option;

/** The LM explainer's sampling flags, shared by {@code neurons explain} and {@code neurons puzzles}. */
final class ExplainerSampling {

    @Option(names = "--n", defaultValue = "1", description = "Explanations sampled (1..20; default ${DEFAULT-VALUE}, as Lee et al.).")
    int n;

    @Option(names = "--max-tokens", defaultValue = "60", description = "Most new tokens per explanation (default ${DEFAULT-VALUE}, the reference's).")
    int maxTokens;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature, 0..2 (default ${DEFAULT-VALUE}, the reference's).")
    double temperature;

    @Option(names = "--seed", defaultValue = "0", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    /** The settings for a choice's style (a baseline gets the defaults of Summary, which it does not use). */
    ExplainerConfig config(ExplainerChoice choice) {
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("--temperature must be in 0..2, got " + temperature);
        }
        PromptStyle style = choice.style() == null ? PromptStyle.SUMMARY : choice.style();
        return ExplainerConfig.defaults(style).withN(n).withMaxTokens(maxTokens).withTemperature(temperature)
                .withSeed(seed);
    }
}
