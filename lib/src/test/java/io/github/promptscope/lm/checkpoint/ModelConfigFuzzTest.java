package io.github.promptscope.lm.checkpoint;

import io.github.promptscope.util.FuzzContract;
import io.github.promptscope.util.FuzzFiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@code config.json} parsing (GPT-2 and Llama fields).
 * Corpus: {@code ModelConfigFuzzTestInputs/readsConfigJson/}.
 */
class ModelConfigFuzzTest {

    @TempDir
    Path tmp;

    @FuzzTest(maxDuration = "5m")
    void readsConfigJson(byte[] input) throws IOException {
        Path file = FuzzFiles.rewrite(tmp.resolve("config.json"), input);
        FuzzContract.namedErrorsOnly(() -> ModelConfig.read(tmp), file.toString(), List.of(CheckpointException.class));
    }
}
