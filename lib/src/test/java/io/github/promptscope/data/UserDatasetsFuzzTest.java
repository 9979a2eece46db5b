package io.github.promptscope.data;

import io.github.promptscope.util.FuzzContract;
import io.github.promptscope.util.FuzzFiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes a user's own data files end to end ({@link UserDatasets}: JSON Lines, or two line-aligned
 * text files), each input read with no layout and with one layout picked by its last byte.
 * Corpora: {@code UserDatasetsFuzzTestInputs/readsJsonlFile/} and {@code .../readsLineFiles/}.
 */
class UserDatasetsFuzzTest {

    @TempDir
    Path tmp;

    @FuzzTest(maxDuration = "5m")
    void readsJsonlFile(byte[] input) throws IOException {
        Path file = FuzzFiles.rewrite(tmp.resolve("mine.jsonl"), input);
        for (String layout : layouts(input)) {
            FuzzContract.namedErrorsOnly(() -> UserDatasets.jsonl(file).layout(layout).read(), file.toString(),
                    List.of(DataException.class));
        }
    }

    /** The input up to its first NUL byte is the inputs file, the rest the outputs file. */
    @FuzzTest(maxDuration = "5m")
    void readsLineFiles(byte[] input) throws IOException {
        int nul = 0;
        while (nul < input.length && input[nul] != 0) {
            nul++;
        }
        Path inputs = FuzzFiles.rewrite(tmp.resolve("inputs.txt"), Arrays.copyOfRange(input, 0, nul));
        Path outputs = FuzzFiles.rewrite(tmp.resolve("outputs.txt"),
                Arrays.copyOfRange(input, Math.min(input.length, nul + 1), input.length));
        for (String layout : layouts(input)) {
            FuzzContract.namedErrorsOnly(() -> UserDatasets.lines(inputs, outputs).layout(layout).read(),
                    tmp.toString(), List.of(DataException.class));
        }
    }

    private static List<String> layouts(byte[] input) {
        int last = input.length == 0 ? 0 : input[input.length - 1] & 0xff;
        return List.of("none", UserLayout.NAMES.get(last % UserLayout.NAMES.size()));
    }
}
