package io.github.promptscope.cli;

import io.github.promptscope.backend.RemoteTextModel;
import io.github.promptscope.backend.TextModelException;
import io.github.promptscope.experiments.ComparisonSimulator;
import io.github.promptscope.lm.DefaultModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.neurons.AllAtOnceSimulator;
import io.github.promptscope.neurons.EndpointSimulator;
import io.github.promptscope.neurons.FewShotExamples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --simulator DIR|URL}: the all-at-once simulator on a checkpoint folder run here (logits at
 * the value slots), or on an OpenAI-compatible completions endpoint that echoes the prompt with
 * logprobs (e.g. {@code serve}), read as OpenAI's scorer read it.
 */
final class SimulatorOption {

    @Option(names = "--simulator", paramLabel = "DIR|URL",
            description = {"The simulator model: a checkpoint folder, or the base URL of an OpenAI-compatible endpoint whose",
                "/v1/completions echoes the prompt with logprobs (http://host:port/v1, e.g. serve; OPENAI_API_KEY is sent);",
                "default: models/neurons (trained to simulate; models/default where it is missing) for score, models/default",
                "for compare."})
    String simulator;

    boolean isRemote() {
        return simulator != null && (simulator.startsWith("http://") || simulator.startsWith("https://"));
    }

    /** An open simulator; closing it closes the model or the connection behind it. */
    record Opened(ComparisonSimulator simulator, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            resource.close();
        }
    }

    /** The simulator, on {@code fallback} (a checkpoint folder) when no --simulator is given. */
    Opened open(Supplier<Path> fallback) {
        if (isRemote()) {
            RemoteTextModel endpoint;
            try {
                endpoint = RemoteTextModel.connect(RemoteTextModel.Options.fromEnvironment().withBaseUrl(simulator));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--simulator " + simulator + ": " + e.getMessage(), e);
            }
            // PromptScope's models share the default tokenizer; for other endpoints it estimates the
            // prompt's length, and an endpoint that lists no context length gets every prompt whole
            TextTokenizer layout = TextTokenizer.load(DefaultModel.locate());
            int positions = endpoint.contextLength().orElse(Integer.MAX_VALUE);
            EndpointSimulator sim = new EndpointSimulator(endpoint, FewShotExamples.original(), layout, positions);
            return new Opened(new ComparisonSimulator("all_at_once", endpoint.baseUrl() + " " + endpoint.name(), "", sim),
                    () -> {
                        try (layout) { // the tokenizer holds a native handle
                            endpoint.close();
                        }
                    });
        }
        Path dir = simulator == null ? fallback.get() : Path.of(simulator);
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            throw new IllegalArgumentException("--simulator " + (simulator == null ? dir : simulator)
                    + ": neither a checkpoint folder nor an http(s) URL");
        }
        LanguageModel lm = LanguageModel.load(dir);
        return new Opened(ComparisonSimulator.allAtOnce(lm), lm);
    }

    /** What to tell the user when the endpoint fails, e.g. answers without logprobs: named by the flag. */
    RuntimeException explain(RuntimeException e) {
        if (isRemote() && (e instanceof TextModelException || e instanceof IllegalStateException)) {
            return new IllegalArgumentException("--simulator " + simulator + ": " + e.getMessage(), e);
        }
        return e;
    }
}
