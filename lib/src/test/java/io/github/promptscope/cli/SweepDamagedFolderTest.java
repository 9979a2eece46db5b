package io.github.promptscope.cli;

import static io.github.promptscope.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `promptscope sweep` over a folder with a corrupt .json and a damaged record: the damaged run is
 * rerun, the corrupt file is named, the tables are printed and the exit code is 0 (it was 1, without
 * tables, for a sweep whose runs all succeeded).
 */
class SweepDamagedFolderTest {

    @BeforeAll
    static void quiet() {
        System.setProperty("promptscope.progress", "off");
    }

    private static CommandsTest.Run sweep(Path results) throws Exception {
        return run("sweep", "--tasks", "add_two", "--methods", "suffix", "--seeds", "1,2", "--steps", "1", "--n", "12",
                "--model", SweepDryRunTest.fixture().toString(), "--experiment", "e", "--results", results.toString());
    }

    @Test
    void corruptFilesAreNamedDamagedRecordsRerunAndTheTablesPrinted(@TempDir Path results) throws Exception {
        CommandsTest.Run first = sweep(results);
        assertEquals(0, first.code(), first.err());
        Path dir = results.resolve("e");
        Path record;
        try (var s = Files.list(dir)) {
            record = s.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(record, "{\"id\": \"cut sho"); // a record cut short
        Path notes = Files.writeString(dir.resolve("notes.json"), "not json at all");

        CommandsTest.Run again = sweep(results);

        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("1 runs done, 1 skipped"), again.out());
        assertTrue(again.out().contains("rerun: " + record + " was damaged"), again.out());
        assertTrue(again.out().contains("skipped " + notes + ": not valid JSON"), again.out());
        assertTrue(again.out().contains("add_two"), "the MRR table is printed:\n" + again.out());
        assertTrue(io.github.promptscope.results.Json.MAPPER.readTree(record.toFile()).path("status").asText()
                .equals("done"), "the damaged record was overwritten by the rerun");
    }
}
