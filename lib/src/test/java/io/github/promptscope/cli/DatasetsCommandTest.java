package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Datasets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DatasetsCommandTest {

    /** Runs the command with System.out/err captured; returns {exitCode, stdout, stderr}. */
    private static String[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new DatasetsCommand()).execute(args);
            return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void listsEveryTaskWithItsDescription() {
        String[] r = run();
        assertEquals("0", r[0]);
        String[] lines = r[1].split("\n");
        assertEquals(Datasets.list().size(), lines.length);
        assertTrue(lines[0].matches("add_two\\s+math\\s+Return the sum of the inputs\\."), lines[0]);
        assertTrue(r[1].contains("larger_animal"));
    }

    @Test
    void showPrintsTheTextsASearchBuilds() {
        String[] r = run("show", "add_two", "--n", "3", "--seed", "0");
        assertEquals("0", r[0]);
        // input + strip(output) + ".", joined by a blank line (spec 1.2), then one newline for the terminal
        String expected = String.join("\n\n", Datasets.get("add_two", 0, 10_000).train().subList(0, 3).stream()
                .map(e -> e.input() + e.output().stripTrailing().replaceAll("\\.+$", "") + ".").toList()) + "\n";
        assertEquals(expected, r[1]);
        assertTrue(r[1].matches("Given the input numbers \\d and \\d, the answer is -?\\d+\\."
                + "(\n\nGiven the input numbers \\d and \\d, the answer is -?\\d+\\.){2}\n"), r[1]);
        String[] lang = run("show", "antonyms", "--n", "2");
        assertTrue(lang[1].matches("Input: \\S+ Answer: \\S+\\.\n\nInput: \\S+ Answer: \\S+\\.\n"), lang[1]);
    }

    @Test
    void escapedShowAndUnknownName() {
        String[] r = run("show", "antonyms", "--n", "2", "--escaped");
        assertEquals("0", r[0]);
        String[] lines = r[1].split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("# antonyms: Write a word that means the opposite of the input word."));
        assertTrue(lines[1].matches("\"Input: \\S+ Answer:\"\t\" \\S+\\\\n\\\\n\""), lines[1]);
        String[] bad = run("show", "nope");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("unknown task \"nope\"; known tasks: add_two"), bad[2]);
    }

    @Test
    void markdownHasARowPerTask() {
        String[] r = run("--markdown");
        assertEquals("0", r[0]);
        assertEquals(Datasets.list().size() + 2, r[1].split("\n").length);
        assertTrue(r[1].contains("| `add_two` | math | `\"Given the input numbers"), r[1]);
    }
}
