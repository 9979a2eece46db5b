package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.cli.CommandsTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ptuning train} and {@code ptuning eval} on a task file and the default model, and their errors. */
class PTuningCommandTest {

    private static final String[] THINGS = {"cat", "dog", "car", "house", "ball", "bird", "tree", "book", "cup", "hat",
        "box", "fish"};

    static Path taskFile(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < THINGS.length; i++) {
            String c = i % 2 == 0 ? "red" : "blue";
            String split = i < 8 ? "train" : i < 10 ? "dev" : "test";
            sb.append("{\"query\": \"the ").append(THINGS[i]).append(" is ").append(c).append(" .\", \"answer\": \" ")
                    .append(c).append("\", \"split\": \"").append(split).append("\"}\n");
        }
        Path f = dir.resolve("colours.jsonl");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void trainThenEvalWritesTheLogTheRecordAndThePerExampleFile(@TempDir Path dir) throws Exception {
        System.setProperty("promptscope.progress", "off");
        Path task = taskFile(dir);
        Path out = dir.resolve("run");
        Run train = CommandsTest.run("ptuning", "train", "--task-file", task.toString(), "--prompt", "question :| answer :",
                "--design", "new", "--residual", "--epochs", "2", "--lr", "1e-3", "--out", out.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("best dev epoch"), train.out());
        JsonNode log = CommandsTest.JSON.readTree(out.resolve("training.json").toFile());
        assertEquals(2, log.get("log").size());
        assertTrue(log.get("finished").asBoolean());

        Path scores = dir.resolve("scores.tsv");
        Run eval = CommandsTest.run("ptuning", "eval", "--run", out.toString(), "--print-topk", "3",
                "--metrics-to-file", scores.toString());
        assertEquals(0, eval.code(), eval.err());
        List<String> lines = Files.readAllLines(scores);
        assertEquals(2, lines.size(), "one line per test example");
        assertTrue(lines.stream().allMatch(l -> l.equals("0") || l.equals("1")), lines.toString());
        JsonNode rec = CommandsTest.JSON.readTree(out.resolve("eval-test.json").toFile());
        double acc = rec.get("metrics").get("token_accuracy").asDouble();
        assertTrue(acc >= 0 && acc <= 1);
        assertTrue(rec.get("metrics").has("greedy_exact_match"));
        assertEquals(6, rec.get("nearest_tokens").size());
        assertEquals(3, rec.get("nearest_tokens").get(0).get("l2").size());
        assertTrue(eval.out().contains("nearest tokens per prompt vector"), eval.out());
    }

    @Test
    void badOptionsAreNamedByTheirFlags(@TempDir Path dir) throws Exception {
        Path task = taskFile(dir);
        String out = dir.resolve("run").toString();
        Run template = CommandsTest.run("ptuning", "train", "--task-file", task.toString(), "--template", "3", "--out", out);
        assertEquals(1, template.code());
        assertTrue(template.err().contains("--template \"3\": write P,Q"), template.err());
        Run design = CommandsTest.run("ptuning", "train", "--task-file", task.toString(), "--design", "lstm", "--out", out);
        assertEquals(1, design.code());
        assertTrue(design.err().contains("--design \"lstm\": use original, new or hard"), design.err());
        Run tokens = CommandsTest.run("ptuning", "train", "--task-file", task.toString(), "--prompt", "question|answer :",
                "--design", "new", "--out", out);
        assertEquals(1, tokens.code());
        assertTrue(tokens.err().contains("--template p=3: the prompt before the query \"question\" encodes to 1 token"),
                tokens.err());
        Run both = CommandsTest.run("ptuning", "train", "--out", out);
        assertEquals(1, both.code());
        assertTrue(both.err().contains("give exactly one of --task NAME or --task-file FILE"), both.err());
        Run noRun = CommandsTest.run("ptuning", "eval", "--run", dir.toString());
        assertEquals(1, noRun.code());
        assertTrue(noRun.err().contains("no run.json"), noRun.err());
    }
}
