package io.github.promptscope.cli;

import io.github.promptscope.lm.DefaultModel;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model {@code neurons explain} and {@code neurons score} use when no {@code --explainer} or
 * {@code --simulator} is given: {@code models/neurons}, trained to write and read explanations,
 * beside the default model; the default model itself in a checkout that does not have it.
 */
final class NeuronsModelDefault {

    static final String FOLDER = "neurons";

    private NeuronsModelDefault() {}

    static Path locate() {
        Path dflt = DefaultModel.locate();
        Path neurons = dflt.resolveSibling(FOLDER);
        return Files.isRegularFile(neurons.resolve("config.json")) ? neurons : dflt;
    }
}
