package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.util.FuzzContract;
import io.github.promptscope.util.FuzzFiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the JSON Lines reader (strict UTF-8 through {@link TextFiles}, one object per line) and its
 * field access. A number or boolean read as text must be its literal text on that line.
 * Corpus: {@code JsonlFuzzTestInputs/readsJsonLines/}.
 */
class JsonlFuzzTest {

    @TempDir
    Path tmp;

    @FuzzTest(maxDuration = "5m")
    void readsJsonLines(byte[] input) throws IOException {
        Path file = FuzzFiles.rewrite(tmp.resolve("data.jsonl"), input);
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        FuzzContract.namedErrorsOnly(() -> {
            for (Jsonl.Line line : Jsonl.read(file)) {
                for (String field : List.of("input", "output")) {
                    JsonlFuzzTest.fieldAsWritten(file, line, field, lines[(int) line.line() - 1]);
                }
            }
        }, file.toString(), List.of(DataException.class));
    }

    private static void fieldAsWritten(Path file, Jsonl.Line line, String field, String source) {
        String text = line.text(file, field);
        if (line.node().get(field).isNumber() || line.node().get(field).isBoolean()) {
            assertTrue(source.contains(text), "\"" + text + "\" is not written on line " + line.line() + ": " + source);
        }
    }
}
