package io.github.promptscope.lm.tokenizer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.checkpoint.CheckpointException;
import io.github.promptscope.util.FuzzContract;
import io.github.promptscope.util.FuzzFiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@code tokenizer.json} loading: PromptScope's own read of the vocabulary size, then DJL's
 * Hugging Face tokenizer (native Rust, which parses the file again). Loading only: encoding with a
 * tokenizer that loaded is the runtime's business, not the parser's. Corpus:
 * {@code TextTokenizerFuzzTestInputs/loadsTokenizerJson/}.
 */
class TextTokenizerFuzzTest {

    @TempDir
    Path tmp;

    @FuzzTest(maxDuration = "5m")
    void loadsTokenizerJson(byte[] input) throws IOException {
        Path file = FuzzFiles.rewrite(tmp.resolve("tokenizer.json"), input);
        FuzzContract.namedErrorsOnly(() -> {
            try (TextTokenizer t = TextTokenizer.load(tmp)) {
                assertTrue(t.vocabSize() > 0, "vocabulary size " + t.vocabSize());
            }
        }, file.toString(), List.of(CheckpointException.class));
    }
}
