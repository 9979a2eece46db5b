package io.github.promptscope.cli;

import static io.github.promptscope.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.cli.CommandsTest.Run;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.results.Json;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.search.IPrompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An {@code explain} record's id covers everything that changes the result (issue #18): the rows
 * themselves, where they came from, {@code --n}, the time budget, the layout and train fraction, and
 * the algorithm's version; the same command twice has the same id, so a rerun replaces only its own
 * record. A record of another run at that id is refused before the search.
 */
class ExplainRecordIdTest {

    private static LanguageModel lm;

    @BeforeAll
    static void load() {
        System.setProperty("promptscope.progress", "off");
        lm = LanguageModel.loadDefault();
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    private static RunConfig config(String... args) {
        ExplainCommand cmd = new ExplainCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.config(cmd.load(), lm);
    }

    private static String id(String... args) {
        return config(args).id();
    }

    @Test
    void sameCommandSameIdAndEverySettingChangesIt() {
        String base = id("--task", "add_two");
        assertEquals(base, id("--task", "add_two"), "a rerun finds its own record");
        assertEquals(base, id("--task", "add_two", "--n", "100", "--steps", "60"), "defaults spelled out are the same run");
        // the old ids: --n, --max-minutes and the split were not part of them
        assertNotEquals(id("--task", "add_two", "--n", "20"), id("--task", "add_two", "--n", "60"));
        assertNotEquals(base, id("--task", "add_two", "--max-minutes", "0"));
        assertNotEquals(id("--task", "add_two", "--max-minutes", "1"), id("--task", "add_two", "--max-minutes", "2"));
        assertNotEquals(base, id("--task", "add_two", "--train-fraction", "0.5"));
        assertNotEquals(base, id("--task", "add_two", "--steps", "59"));
        assertNotEquals(base, id("--task", "add_two", "--seed", "2"));
        assertNotEquals(base, id("--task", "add_two", "--method", "suffix"));
        assertEquals(base, id("--task", "add_two", "--max-datapoints", "1000"), "the preset's limit spelled out");
        assertNotEquals(base, id("--task", "add_two", "--max-datapoints", "4000"));

        RunConfig c = config("--task", "add_two", "--n", "20", "--max-minutes", "0.5");
        assertEquals(IPrompt.ALGORITHM, c.params().path("algorithm").asText());
        assertEquals("task", c.params().path("data").path("source").asText());
        assertEquals(20, c.params().path("data").path("n").asInt());
        assertEquals(15, c.params().path("data").path("rows").asInt(), "75% of 20");
        assertEquals(0.5, c.params().path("search").path("maxMinutes").asDouble(), 0.0);
        ExplainCommand longer = new ExplainCommand();
        new CommandLine(longer).parseArgs("--task", "add_two", "--max-datapoints", "4000");
        assertEquals(4000, longer.searchConfig(longer.load()).maxNDatapoints(), "imodelsX's max_n_datapoints");
        assertTrue(config("--task", "add_two").params().path("search").path("maxMinutes").isMissingNode(),
                "no time limit, none recorded");
    }

    @Test
    void userFilesAreIdentifiedByTheirRowsNotTheirNames(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("my.jsonl");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("my.jsonl");
        Files.writeString(a, "{\"input\": \"1 2\", \"output\": \"3\"}\n{\"input\": \"2 2\", \"output\": \"4\"}\n");
        Files.writeString(b, "{\"input\": \"1 2\", \"output\": \"3\"}\n{\"input\": \"2 2\", \"output\": \"5\"}\n");
        assertNotEquals(id("--jsonl", a.toString()), id("--jsonl", b.toString()), "one output differs");
        Path a2 = Files.createDirectories(dir.resolve("c")).resolve("my.jsonl");
        Files.copy(a, a2);
        assertEquals(id("--jsonl", a.toString()), id("--jsonl", a2.toString()), "the same rows are the same run");
        assertNotEquals(id("--jsonl", a.toString()), id("--jsonl", a.toString(), "--layout", "math"));
        assertEquals("my.jsonl", config("--jsonl", a.toString()).dataset());

        // a user file named like a task, holding exactly the task's train rows, is still not the task's run
        Path named = dir.resolve("add_two.jsonl");
        Files.copy(Path.of(getClass().getResource("/user/add_two_imodelsx.jsonl").toURI()), named);
        RunConfig file = config("--jsonl", named.toString(), "--seed", "4", "--train-fraction", "0.75");
        RunConfig task = config("--task", "add_two", "--seed", "4");
        assertEquals(task.params().path("data").path("rowsSha256"), file.params().path("data").path("rowsSha256"),
                "the same rows");
        assertNotEquals(task.id(), file.id());
        assertEquals("add_two.jsonl", file.dataset());
        assertEquals("jsonl", file.params().path("data").path("source").asText());
    }

    @Test
    void aRecordOfAnotherRunAtTheIdIsRefusedBeforeTheSearch(@TempDir Path results) throws Exception {
        String[] args = {"explain", "--task", "add_two", "--method", "suffix", "--tokens", "2", "--n", "12",
                "--results", results.toString()};
        RunConfig mine = config(List.of(args).subList(1, args.length).toArray(String[]::new));
        RunConfig other = config("--task", "add_two", "--method", "suffix", "--tokens", "2", "--n", "13");
        // another run's record under this run's id, as a copied file (or a hash collision) would leave it
        Path file = results.resolve("explain").resolve(mine.id() + ".json");
        Files.createDirectories(file.getParent());
        Files.write(file, Json.MAPPER.writeValueAsBytes(RunRecord.done("explain", other, List.of(), Map.of(), null)));
        byte[] before = Files.readAllBytes(file);
        Run r = run(args);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("holds the record of another run"), r.err());
        assertTrue(!r.out().contains("suffix on add_two"), "no search ran: " + r.out());
        assertArrayEquals(before, Files.readAllBytes(file), "the other run's record is untouched");
    }
}
