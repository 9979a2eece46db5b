package io.github.promptscope.cli;

import static io.github.promptscope.cli.CommandsTest.JSON;
import static io.github.promptscope.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.cli.CommandsTest.Run;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.FewShotExamples;
import io.github.promptscope.neurons.NeuronTrainingCorpus;
import io.github.promptscope.neurons.PromptContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that search, train or evaluate, each cut to seconds: {@code explain} and {@code sweep}
 * with the Suffix method (one step of about 18 proposals, no reranking: the iPrompt preset's one step
 * alone scores 60 candidates and reranks up to 64 on 256 rows, too slow for a unit test),
 * {@code train} for 2 steps of a 1-layer model on 200 documents, {@code evaluate-model} on two tasks
 * of two examples.
 */
class HeavyCommandsTest {

    @BeforeAll
    static void quiet() {
        System.setProperty("promptscope.progress", "off");
    }

    private static List<Path> jsonFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void explainPrintsTheTopPromptsAndWritesTheRecordItPrinted(@TempDir Path results) throws Exception {
        Run r = run("explain", "--task", "add_two", "--method", "suffix", "--tokens", "2", "--n", "12", "--top", "3",
                "--results", results.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("suffix on add_two: 1 steps, \\d+ candidates scored, \\d+ s \\(\\w+\\)"), lines[0]);
        assertEquals("ground truth: Return the sum of the inputs.", lines[1]);
        assertTrue(lines[2].matches("rank\\s+prompt\\s+accuracy\\s+loss\\s+evals\\s+correct"), lines[2]);
        Matcher top = Pattern.compile("^\\s+1  (\".*\")\\s+(\\d\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s+(\\d+)  (yes|no)$")
                .matcher(lines[3]);
        assertTrue(top.matches(), lines[3]);
        assertTrue(lines[6].startsWith("run record: "), lines[6]);
        List<Path> records = jsonFiles(results.resolve("explain"));
        assertEquals(1, records.size());
        assertEquals(records.get(0).toString(), lines[6].substring("run record: ".length()));
        JsonNode rec = JSON.readTree(records.get(0).toFile());
        assertEquals("done", rec.path("status").asText());
        assertEquals("suffix", rec.path("config").path("method").asText());
        assertEquals("add_two", rec.path("config").path("dataset").asText());
        assertEquals(records.get(0).getFileName().toString(), rec.path("id").asText() + ".json");
        JsonNode first = rec.path("prompts").get(0);
        assertEquals(top.group(1), "\"" + first.path("prompt").asText() + "\"");
        // the table rounds to 3 decimals; the record keeps every digit
        assertEquals(top.group(2), String.format("%.3f", first.path("score").asDouble()));
        assertEquals(top.group(3), String.format("%.3f", first.path("loss").asDouble()));
        assertEquals(top.group(5).equals("yes") ? 0.0 : 1.0, Math.min(1.0, rec.path("metrics").path("rank").asDouble()));
    }

    @Test
    void sweepRecordsEachRunPrintsRoundedTablesAndSkipsWhatIsDone(@TempDir Path results) throws Exception {
        String[] args = {"sweep", "--tasks", "add_two", "--methods", "suffix", "--seeds", "1", "--steps", "1", "--n", "12",
                "--experiment", "tiny", "--results", results.toString()};
        Run r = run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("1 runs done, 0 skipped (already recorded), 0 failed\n"), r.out());
        List<Path> records = jsonFiles(results.resolve("tiny"));
        assertEquals(1, records.size());
        JsonNode rec = JSON.readTree(records.get(0).toFile());
        assertEquals("suffix", rec.path("config").path("method").asText());
        assertEquals(1, rec.path("config").path("seed").asInt());
        double rr = rec.path("metrics").path("reciprocal_rank").asDouble();
        assertTrue(rr >= 0 && rr <= 1, "reciprocal rank " + rr);
        double rank = rec.path("metrics").path("rank").asDouble();
        assertEquals(rank < 0 ? 0.0 : 1.0 / (rank + 1), rr, 1e-12);
        // the per-task table: add_two, suffix, the mean rounded to 3 places, no standard error of 1 run, count 1
        Matcher row = Pattern.compile("add_two\\s+\\|\\s+suffix\\s+\\|\\s+(\\d+(?:\\.\\d+)?)\\s+\\|\\s+\\|\\s+1\\s+\\|")
                .matcher(r.out());
        assertTrue(row.find(), r.out());
        assertTrue(row.group(1).matches("\\d+(\\.\\d{1,3})?"), row.group(1));
        assertEquals(Math.round(rr * 1000) / 1000.0, Double.parseDouble(row.group(1)), 0.0);
        assertTrue(r.out().contains("Mean [metrics.reciprocal_rank]") && r.out().contains("Mean [metrics.top1_correct]"));
        // every printed number has at most 3 decimals
        assertTrue(!Pattern.compile("\\d\\.\\d{4}").matcher(r.out()).find(), r.out());
        Run again = run(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("0 runs done, 1 skipped (already recorded), 0 failed\n"), again.out());
        assertEquals(1, jsonFiles(results.resolve("tiny")).size());
    }

    /**
     * A neurons recipe trains one epoch of its --documents (here 3 steps of 4), whatever --steps says
     * (a run of 8,000 steps once stopped at the option's default 4,000), and writes the files its model
     * is prompted by: no few-shot examples, and for neurons-short the simulator's and explainer's contexts.
     */
    @Test
    void aNeuronsRecipeRunsItsEpochAndSaysHowItsModelIsPrompted(@TempDir Path out) throws Exception {
        // without the file, evaluate-model and score prompted a fresh run with PromptScope's few-shot set
        Run r = run("train", "--corpus", "neurons-short", "--from", "models/default", "--positions", "512",
                "--documents", "12", "--batch", "4", "--warmup", "1", "--steps", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("model.safetensors")), "the epoch ran to its end");
        assertEquals(3, JSON.readTree(out.resolve("training.json").toFile()).path("report").path("steps").asInt());
        assertTrue(Files.isRegularFile(out.resolve(FewShotExamples.MODEL_FILE)));
        assertTrue(FewShotExamples.forModel(out).isEmpty());
        assertEquals(3, FewShotExamples.forModel(out.getParent()).size(), "a folder without the file gets PromptScope's set");
        assertEquals(NeuronTrainingCorpus.SHORT_POSITIONS, PromptContext.positions(out, PromptContext.SIMULATOR_FILE, 512));
        assertEquals(NeuronTrainingCorpus.SHORT_EXPLANATION_POSITIONS,
                PromptContext.positions(out, PromptContext.EXPLAINER_FILE, 512));
    }

    @Test
    void aNeuronMixtureIsCheckedAndOnlyForNeuronsCorpora(@TempDir Path out) throws Exception {
        Run other = run("train", "--corpus", "default", "--neuron-mixture", "0.9,0.1", "--out", out.toString());
        assertEquals(1, other.code(), other.err());
        assertTrue(other.err().contains("--neuron-mixture: only the neurons corpora mix documents"), other.err());
        Run over = run("train", "--corpus", "neurons-words", "--from", "models/default", "--neuron-mixture", "0.9,0.2",
                "--out", out.toString());
        assertEquals(1, over.code(), over.err());
        assertTrue(over.err().contains("must be at least 0 and add up to at most 1"), over.err());
        Run one = run("train", "--corpus", "neurons-words", "--from", "models/default", "--neuron-mixture", "0.9",
                "--out", out.toString());
        assertEquals(1, one.code(), one.err());
        assertTrue(one.err().contains("give two shares"), one.err());
        Run grouped = run("train", "--corpus", "default", "--group-by-length", "--out", out.toString());
        assertEquals(1, grouped.code(), grouped.err());
        assertTrue(grouped.err().contains("--group-by-length: only the neurons corpora"), grouped.err());
    }

    @Test
    void trainWritesALogAndALoadableModel(@TempDir Path out) throws Exception {
        Run r = run("train", "--out", out.toString(), "--steps", "2", "--documents", "200", "--layers", "1",
                "--width", "32", "--heads", "2", "--positions", "64", "--batch", "2", "--seq-len", "16", "--warmup", "1");
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("^steps 2  train loss (\\d+\\.\\d{4})  validation loss (\\d+\\.\\d{4})  \\d+ s  \\d+ tokens/s\n$")
                .matcher(r.out());
        assertTrue(m.matches(), r.out());
        List<String> log = Files.readAllLines(out.resolve("training_log.jsonl"));
        assertEquals(1, log.size(), "one entry: the last step, with validation");
        JsonNode last = JSON.readTree(log.get(0));
        assertEquals(2, last.path("step").asInt());
        assertEquals(m.group(1), String.format("%.4f", last.path("loss").asDouble()));
        assertEquals(m.group(2), String.format("%.4f", last.path("validation_loss").asDouble()));
        assertTrue(last.path("lr").asDouble() > 0);
        try (LanguageModel lm = LanguageModel.load(out)) {
            assertEquals(1, lm.config().numLayers());
            assertEquals(32, lm.config().hiddenSize());
            Double[] lp = lm.logProbs("Given the input numbers 2 and 4, the answer is 6.").logprobs();
            for (int i = 1; i < lp.length; i++) {
                assertTrue(Double.isFinite(lp[i]) && lp[i] < 0);
            }
            // 2 steps from a random start: still close to uniform, ln V
            double mean = 0;
            for (int i = 1; i < lp.length; i++) {
                mean -= lp[i] / (lp.length - 1);
            }
            assertEquals(Math.log(lm.config().vocabSize()), mean, 1.0);
        }
        assertTrue(Files.isRegularFile(out.resolve("training.json")));
        assertEquals(2, JSON.readTree(out.resolve("training.json").toFile()).path("report").path("steps").asInt());
    }

    @Test
    void evaluateModelWritesOneRowPerTask(@TempDir Path out) throws Exception {
        Run r = run("evaluate-model", "--tasks", "add_two,double_one", "--per-task", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].matches("task\\s+collection\\s+true\\s+wrong\\s+none\\s+gap\\s+held-out"), lines[0]);
        String acc = "\\s+(0\\.00|0\\.50|1\\.00)"; // 2 examples: 0, 1/2 or 1
        assertTrue(lines[1].matches("add_two\\s+math" + acc + acc + acc + "\\s+-?\\d\\.\\d\\d" + acc), lines[1]);
        assertTrue(lines[2].matches("double_one\\s+math" + acc + acc + acc + "\\s+-?\\d\\.\\d\\d" + acc), lines[2]);
        assertTrue(lines[3].startsWith("wrote "), lines[3]);
        JsonNode doc = JSON.readTree(out.resolve("description_gap.json").toFile());
        assertEquals("models/default", doc.path("model").asText());
        assertEquals(2, doc.path("per_task").asInt());
        assertEquals(2, doc.path("tasks").size());
        assertEquals("add_two", doc.path("tasks").get(0).path("task").asText());
        // the wrong description is the next listed task's, cyclically
        assertEquals("double_one", doc.path("tasks").get(0).path("wrongTask").asText());
        assertEquals("add_two", doc.path("tasks").get(1).path("wrongTask").asText());
        // with its true description the trained model gets add_two's 2 training examples right (README: 0.88 on 50)
        assertEquals(1.0, doc.path("tasks").get(0).path("withTrue").asDouble(), 0.0);
        for (JsonNode t : doc.path("tasks")) {
            assertEquals(2, t.path("examples").asInt());
            double gap = t.path("withTrue").asDouble() - Math.max(t.path("withWrong").asDouble(), t.path("withNone").asDouble());
            assertEquals(gap, t.path("gap").asDouble(), 1e-12);
        }
        assertTrue(Files.size(out.resolve("description_gap.html")) > 1000);
        assertTrue(Files.isRegularFile(out.resolve("training_curve.html")));
    }
}
