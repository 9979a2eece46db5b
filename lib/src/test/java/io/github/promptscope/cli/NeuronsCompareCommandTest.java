package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.cli.CommandsTest.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurons compare}: bad input is named by its flag, before any record is written. */
class NeuronsCompareCommandTest {

    @Test
    void badFlagsAreNamed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("neurons");
        assertNamed("--concepts colors: unknown concept; the concepts are numbers, colours",
                CommandsTest.run("neurons", "compare", "--out", out.toString(), "--concepts", "colors"));
        assertNamed("--calibration isotonic: expected one of none|linear|percentile-matching",
                CommandsTest.run("neurons", "compare", "--out", out.toString(), "--calibration", "isotonic"));
        assertNamed("--simulator http://127.0.0.1:9/v1: no answer from http://127.0.0.1:9/v1/models",
                CommandsTest.run("neurons", "compare", "--out", out.toString(), "--simulator", "http://127.0.0.1:9/v1"));
        assertNamed("--simulator " + dir.resolve("missing") + ": neither a checkpoint folder nor an http(s) URL",
                CommandsTest.run("neurons", "compare", "--out", out.toString(), "--simulator", dir.resolve("missing").toString()));
        assertNamed("--prompts shout: expected one of original|summary|highlight|highlight-summary|avhs|token-lookup",
                CommandsTest.run("neurons", "compare", "--out", out.toString(), "--prompts", "summary,shout"));
        assertNamed("--real-neurons: neuron 5000 is outside 0..767",
                CommandsTest.run("neurons", "compare", "--out", out.toString(), "--real-neurons", "0,5000"));
        assertTrue(!Files.exists(out), "nothing is written for bad input");
    }

    private static void assertNamed(String message, Run run) {
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.err().contains(message), run.err());
    }
}
