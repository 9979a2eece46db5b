package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generalize} and {@code sentiment} through the real entry point: bad input is named in the user's words. */
class ExperimentCommandsTest {

    @BeforeAll
    static void quiet() {
        System.setProperty("promptscope.progress", "off");
    }

    @Test
    void sentimentNamesTheMissingFileAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("sentiment");
        CommandsTest.Run r = CommandsTest.run("sentiment", "--out", out.toString(), "--datasets", "synthetic,rotten_tomatoes",
                "--data-dir", tmp.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(tmp.resolve("rotten_tomatoes.jsonl") + ": no such file"), r.err());
        assertTrue(!Files.exists(out), "nothing runs before every file is found");
    }

    @Test
    void theExperimentCommandsLeaveTheCallersProgressSettingAsTheyFoundIt(@TempDir Path tmp) {
        // A notebook (progress "line") that runs a command and then the library must still see its progress line;
        // the commands once set "off" for the whole JVM. Each run here fails after the setting is taken.
        System.setProperty("promptscope.progress", "line");
        try {
            CommandsTest.Run gen = CommandsTest.run("generalize", "--records", tmp.resolve("nope").toString(), "--out",
                    tmp.resolve("gen").toString());
            assertEquals(1, gen.code(), gen.err());
            assertEquals("line", System.getProperty("promptscope.progress"), "after generalize");
            CommandsTest.Run sent = CommandsTest.run("sentiment", "--out", tmp.resolve("s").toString(), "--datasets",
                    "sst2", "--data-dir", tmp.toString());
            assertEquals(1, sent.code(), sent.err());
            assertEquals("line", System.getProperty("promptscope.progress"), "after sentiment");
            CommandsTest.Run sweep = CommandsTest.run("sweep", "--tasks", "no_such_task", "--results",
                    tmp.resolve("r").toString());
            assertNotEquals(0, sweep.code(), sweep.err());
            assertEquals("line", System.getProperty("promptscope.progress"), "after sweep");
        } finally {
            System.setProperty("promptscope.progress", "off");
        }
    }

    @Test
    void generalizeNamesAMissingRecordsFolder(@TempDir Path tmp) {
        CommandsTest.Run r = CommandsTest.run("generalize", "--records", tmp.resolve("nope").toString(), "--out",
                tmp.resolve("gen").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--records " + tmp.resolve("nope") + ": no such folder"), r.err());
    }
}
