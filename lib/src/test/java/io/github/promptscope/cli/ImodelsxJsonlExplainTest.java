package io.github.promptscope.cli;

import static io.github.promptscope.cli.CommandsTest.JSON;
import static io.github.promptscope.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.cli.CommandsTest.Run;
import io.github.promptscope.data.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11: a JSONL file in imodelsX's own add_two format, on the default model, puts an addition
 * prompt at rank 1, and {@code --jsonl} with the same rows as {@code --task add_two} ranks the same
 * prompts with the same losses. The file holds the task's 100 examples; {@code --train-fraction 0.75}
 * with the same seed selects exactly the task's train split (the records' row hashes are compared).
 * The quick preset with 5 steps instead of 60: the same first prompt as the README's 60-step run. The
 * issue's own command, the whole file without {@code --train-fraction}, ranks an addition prompt first too.
 */
class ImodelsxJsonlExplainTest {

    private static final int STEPS = 5;

    @BeforeAll
    static void quiet() {
        System.setProperty("promptscope.progress", "off");
    }

    private static JsonNode explain(Path results, String... source) throws Exception {
        String[] args = Stream.concat(Stream.of("explain", "--seed", "1", "--steps", String.valueOf(STEPS), "--results",
                results.toString()), Stream.of(source)).toArray(String[]::new);
        long t0 = System.nanoTime();
        Run r = run(args);
        System.out.printf("explain %s: %.0f s%n", String.join(" ", source), (System.nanoTime() - t0) / 1e9);
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("run record: ")).findFirst().orElseThrow();
        return JSON.readTree(Path.of(line.substring("run record: ".length())).toFile());
    }

    @Test
    void theFileRanksAnAdditionPromptFirstAndTheTaskTheSame(@TempDir Path results) throws Exception {
        Path file = Path.of(getClass().getResource("/user/add_two_imodelsx.jsonl").toURI());
        JsonNode jsonl = explain(results, "--jsonl", file.toString(), "--train-fraction", "0.75");
        JsonNode task = explain(results, "--task", "add_two");

        JsonNode jsonlData = jsonl.path("config").path("params").path("data");
        JsonNode taskData = task.path("config").path("params").path("data");
        assertEquals(75, jsonlData.path("rows").asInt());
        assertEquals(taskData.path("rowsSha256"), jsonlData.path("rowsSha256"), "the same rows, in the same order");
        assertNotEquals(task.path("id"), jsonl.path("id"), "two runs, two records");

        for (int i = 0; i < 10; i++) {
            JsonNode a = jsonl.path("prompts").get(i);
            JsonNode b = task.path("prompts").get(i);
            assertEquals(b.path("prompt").asText(), a.path("prompt").asText(), "rank " + (i + 1));
            assertEquals(b.path("loss").asDouble(), a.path("loss").asDouble(), 0.0, "rank " + (i + 1));
            assertEquals(b.path("score").asDouble(), a.path("score").asDouble(), 0.0, "rank " + (i + 1));
        }
        Pattern addition = Datasets.get("add_two", 1, 100).keywords();
        String first = jsonl.path("prompts").get(0).path("prompt").asText();
        assertTrue(addition.matcher(first).find(), "rank 1 is not an addition prompt: \"" + first + "\"");
        assertEquals(0.0, task.path("metrics").path("rank").asDouble(), "the task's record scores it correct too");

        // the issue's own command, every row of the file (no --train-fraction): an addition prompt first as well
        JsonNode whole = explain(results, "--jsonl", file.toString());
        assertEquals(100, whole.path("config").path("params").path("data").path("rows").asInt());
        String wholeFirst = whole.path("prompts").get(0).path("prompt").asText();
        assertTrue(addition.matcher(wholeFirst).find(), "all rows: rank 1 is not an addition prompt: \"" + wholeFirst + "\"");
        try (Stream<Path> s = Files.list(results.resolve("explain"))) {
            assertEquals(3, s.count());
        }
    }
}
