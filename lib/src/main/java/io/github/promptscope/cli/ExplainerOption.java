package io.github.promptscope.cli;

import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.RemoteTextModel;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.backend.TextModelException;
import io.github.promptscope.neurons.ExplainerConfig;
import io.github.promptscope.neurons.FewShotExamples;
import io.github.promptscope.neurons.LmExplainer;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --explainer DIR|URL}: a checkpoint folder run here, or an OpenAI-compatible endpoint (e.g. {@code serve}). */
final class ExplainerOption {

    @Option(names = "--explainer", paramLabel = "DIR|URL",
            description = {"The explainer model: a checkpoint folder, or the base URL of an OpenAI-compatible endpoint",
                "with /v1/completions (http://host:port/v1; OPENAI_API_KEY is sent); default: models/neurons (trained to",
                "explain), or models/default where it is missing."})
    String explainer;

    boolean isRemote() {
        return explainer != null && (explainer.startsWith("http://") || explainer.startsWith("https://"));
    }

    /** The model, which the caller closes. */
    TextModel open() {
        if (explainer == null) {
            return LocalTextModel.load(NeuronsModelDefault.locate());
        }
        if (isRemote()) {
            try {
                return RemoteTextModel.connect(RemoteTextModel.Options.fromEnvironment().withBaseUrl(explainer));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--explainer " + explainer + ": " + e.getMessage(), e);
            }
        }
        Path dir = Path.of(explainer);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--explainer " + explainer + ": neither a checkpoint folder nor an http(s) URL");
        }
        return LocalTextModel.load(dir);
    }

    /**
     * The explainer running {@code config} on {@code model} (from {@link #load}): an endpoint with
     * PromptScope's few-shot examples, a local folder prompted as it was trained ({@link LmExplainer#forFolder}).
     */
    LmExplainer lmExplainer(TextModel model, ExplainerConfig config) {
        if (isRemote()) {
            return new LmExplainer(model, config, FewShotExamples.original());
        }
        return LmExplainer.forFolder(model, config, explainer == null ? NeuronsModelDefault.locate() : Path.of(explainer));
    }

    /** What to tell the user when the model fails: an endpoint without completions is named as such. */
    RuntimeException explain(RuntimeException e) {
        if (e instanceof TextModelException t && isRemote()
                && (t.status() == 404 || t.status() == 405 || t.status() == 501)) {
            return new IllegalArgumentException("--explainer " + explainer + ": the endpoint has no /v1/completions"
                    + " route (HTTP " + t.status() + "); the explainer needs a completions endpoint: " + t.getMessage(), e);
        }
        if (e instanceof TextModelException t && isRemote()) {
            return new IllegalArgumentException("--explainer " + explainer + ": " + t.getMessage(), e);
        }
        return e;
    }
}
