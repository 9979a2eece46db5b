package io.github.promptscope.cli;

import io.github.promptscope.lm.LanguageModel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model DIR} option every model-using command shares. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "Hugging Face checkpoint folder (config.json, *.safetensors, tokenizer.json).")
    Path dir;

    LanguageModel load() {
        return LanguageModel.load(dir);
    }
}
