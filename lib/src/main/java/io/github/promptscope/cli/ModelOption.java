package io.github.promptscope.cli;

import io.github.promptscope.lm.DefaultModel;
import io.github.promptscope.lm.Dtype;
import io.github.promptscope.lm.LanguageModel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model DIR} option every model-using command shares; without it, the default model. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "DIR",
            description = "Hugging Face checkpoint folder (config.json, *.safetensors, tokenizer.json); default: models/default.")
    Path dir;

    LanguageModel load() {
        return load(Dtype.FLOAT32);
    }

    LanguageModel load(Dtype dtype) {
        return dir == null ? LanguageModel.loadDefault(dtype) : LanguageModel.load(dir, dtype);
    }

    /** For a command whose experiment needs another shipped model than the default, e.g. {@code models/voxels}. */
    LanguageModel loadOr(String shipped) {
        return LanguageModel.load(dir != null ? dir : DefaultModel.locate(shipped), Dtype.FLOAT32);
    }
}
