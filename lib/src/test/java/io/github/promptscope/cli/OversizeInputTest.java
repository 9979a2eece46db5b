package io.github.promptscope.cli;

import static io.github.promptscope.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.cli.CommandsTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} on a file with a 5 MB line (issue #18, item 2): it used to copy the line into each of
 * a thousand three-shot rows until the heap ran out (with -Xmx2g: OutOfMemoryError in DataRows; the
 * issue saw the JVM abort inside the tokenizer, exit 134). Now the line is refused as the file is read,
 * naming the file, the line, its length and the limit.
 */
class OversizeInputTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void quiet() {
        System.setProperty("promptscope.progress", "off");
    }

    @Test
    void aFiveMegabyteJsonlLineIsANamedError() throws Exception {
        Path file = dir.resolve("big.jsonl");
        String row = "Given the input numbers 1 and 2, the answer is";
        Files.writeString(file, "{\"input\": \"" + row + "\", \"output\": \" 3\"}\n"
                + "{\"input\": \"" + "Given the input numbers 3 and 4, the answer is ".repeat(106_383) + "\", \"output\": \" 7\"}\n"
                + "{\"input\": \"" + row + "\", \"output\": \" 3\"}\n");
        Run r = run("explain", "--jsonl", file.toString(), "--results", dir.resolve("results").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(file + ":2: input has 5,000,001 characters, more than the 100,000 a search takes"),
                r.err());
        assertTrue(Files.notExists(dir.resolve("results/explain")) || dir.resolve("results/explain").toFile().list().length == 0);
    }

    @Test
    void aLongOutputLineIsNamedInTheOutputsFile() throws Exception {
        Path inputs = dir.resolve("in.txt");
        Path outputs = dir.resolve("out.txt");
        Files.writeString(inputs, "a\nb\nc\n");
        Files.writeString(outputs, "1\n" + "2".repeat(200_000) + "\n3\n");
        Run r = run("explain", "--inputs", inputs.toString(), "--outputs", outputs.toString(), "--results",
                dir.resolve("results").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(outputs + ":2: output has 200,000 characters, more than the 100,000"), r.err());
    }
}
