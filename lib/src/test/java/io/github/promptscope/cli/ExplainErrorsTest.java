package io.github.promptscope.cli;

import static io.github.promptscope.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.cli.CommandsTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} refuses what it cannot use in the user's words (issue #18): the flag, the value and
 * the limit or the file, before a search starts and without writing a record.
 */
class ExplainErrorsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void quiet() {
        System.setProperty("promptscope.progress", "off");
    }

    /** Runs explain with {@code args}; it must fail with a message containing {@code expected} and record nothing. */
    private static String fails(String expected, String... args) {
        Path results = dir.resolve("results");
        List<String> all = new ArrayList<>(List.of("explain", "--results", results.toString()));
        all.addAll(List.of(args));
        Run r = run(all.toArray(String[]::new));
        assertEquals(1, r.code(), "should fail: " + all + "\n" + r.out());
        assertTrue(r.err().contains(expected), "expected \"" + expected + "\" in: " + r.err());
        assertFalse(r.out().contains("candidates scored"), "no search ran: " + r.out());
        assertFalse(Files.exists(results.resolve("explain")) && results.resolve("explain").toFile().list().length > 0,
                "no record written");
        return r.err();
    }

    @Test
    void optionsAreNamedByTheirFlags() {
        fails("--steps must be at least 1; got 0", "--task", "add_two", "--steps", "0");
        fails("--max-datapoints must be at least 1; got 0", "--task", "add_two", "--max-datapoints", "0");
        fails("--tokens must be at least 1; got 0", "--task", "add_two", "--tokens", "0");
        fails("--shots must be at least 1; got 0", "--task", "add_two", "--shots", "0");
        fails("--n must be at least 1; got 0", "--task", "add_two", "--n", "0");
        fails("--max-minutes must be 0 or more; got -1.0", "--task", "add_two", "--max-minutes", "-1");
        fails("--train-fraction must be more than 0 and at most 1; got 1.5", "--task", "add_two", "--train-fraction", "1.5");
        fails("--method must be one of iprompt, suffix, autoprompt; got isprompt", "--task", "add_two", "--method", "isprompt");
    }

    /**
     * The default model scores at most 128 tokens (maxLength; it has 256 positions): --tokens 250 used to
     * run and rank a meaningless prompt first, 1000 failed with "807 > 63".
     */
    @Test
    void tokensAreCheckedAgainstTheModelAndTheData() {
        String err = fails("--tokens 250 is more than this model and data allow: at most ", "--task", "add_two",
                "--tokens", "250");
        Matcher m = Pattern.compile("at most (\\d+) \\(a scored sequence holds 128 tokens, of which the longest output"
                + " takes (\\d+) and the input at least 1\\)").matcher(err);
        assertTrue(m.find(), err);
        assertEquals(128 - Integer.parseInt(m.group(2)) - 1, Integer.parseInt(m.group(1)));
        assertEquals(121, Integer.parseInt(m.group(1)), "128 less add_two's longest output (6 tokens) less 1");
        fails("--tokens 1000 is more than", "--task", "add_two", "--tokens", "1000");
        fails("--tokens " + (Integer.parseInt(m.group(1)) + 1) + " is more than", "--task", "add_two", "--tokens",
                String.valueOf(Integer.parseInt(m.group(1)) + 1));
    }

    @Test
    void filesAreNamedWithWhatIsWrong() throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "3 4\n5 1\n");
        Path out = Files.writeString(dir.resolve("out.txt"), "7\n6\n");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'3', ' ', '4', '\n', 'd', (byte) 0xe9, 'j', '\n'});
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

        fails(latin1 + ": not valid UTF-8 at line 2 (byte 0xe9 at offset 5); save the file as UTF-8",
                "--inputs", latin1.toString(), "--outputs", out.toString());
        fails("--inputs " + folder + ": is a folder; give the file itself", "--inputs", folder.toString(),
                "--outputs", out.toString());
        fails("--outputs " + dir.resolve("nope.txt") + ": no such file", "--inputs", in.toString(),
                "--outputs", dir.resolve("nope.txt").toString());
        fails("--jsonl " + folder + ": is a folder", "--jsonl", folder.toString());
        fails(empty + ": no records (empty file)", "--jsonl", empty.toString());
    }

    /** A --results that cannot hold records fails before the search, not after it. */
    @Test
    void resultsIsCheckedBeforeTheSearch() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Run r = run("explain", "--task", "add_two", "--method", "suffix", "--tokens", "2", "--n", "12",
                "--results", file.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("--results " + file + ": "), r.err());
        assertFalse(r.out().contains("candidates scored"), r.out());
    }
}
