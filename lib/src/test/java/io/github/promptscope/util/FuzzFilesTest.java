package io.github.promptscope.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rewritten file holds exactly the last input: nothing of a longer earlier one is left at its end. */
class FuzzFilesTest {

    @TempDir
    Path tmp;

    @Test
    void fileHoldsExactlyTheLastInput() throws Exception {
        Path file = tmp.resolve("input.json");
        byte[] longer = "{\"a\": 1, \"b\": [2, 3]}".getBytes(StandardCharsets.UTF_8);
        byte[] shorter = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] middle = "[1, 2, 3, 4]".getBytes(StandardCharsets.UTF_8);

        FuzzFiles.rewrite(file, longer);
        assertArrayEquals(longer, Files.readAllBytes(file));
        FuzzFiles.rewrite(file, shorter);
        assertArrayEquals(shorter, Files.readAllBytes(file));
        FuzzFiles.rewrite(file, middle);
        assertArrayEquals(middle, Files.readAllBytes(file));
        FuzzFiles.rewrite(file, new byte[0]);
        assertArrayEquals(new byte[0], Files.readAllBytes(file));
    }
}
