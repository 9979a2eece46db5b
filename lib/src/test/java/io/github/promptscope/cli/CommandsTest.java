package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.PromptLayout;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.TokenLogProbs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every command through the real entry point ({@link Main#commandLine()}, picocli's
 * {@code execute}) on small inputs and the default model, with stdout and stderr captured.
 * {@code explain}, {@code sweep}, {@code train} and {@code evaluate-model} are in {@link HeavyCommandsTest}.
 */
class CommandsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What a run printed. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            System.setOut(o);
            System.setErr(e);
            int code = Main.commandLine().setOut(new PrintWriter(o, true)).setErr(new PrintWriter(e, true)).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void quiet() {
        System.setProperty("promptscope.progress", "off");
    }

    @Test
    void datasetsListsEveryTaskAndShowsExamplesAsASearchSeesThem() {
        Run list = run("datasets");
        assertEquals(0, list.code(), list.err());
        String[] lines = list.out().split("\n");
        assertEquals(Datasets.list().size(), lines.length);
        assertEquals(70, lines.length);
        assertTrue(lines[0].matches("add_two\\s+math\\s+Return the sum of the inputs\\."), lines[0]);
        assertTrue(lines[47].matches("sentiment_words\\s+sentiment\\s+Answer Yes if .*"), lines[47]);
        assertTrue(lines[48].matches("category_colours\\s+categories\\s+The words are colours\\."), lines[48]);

        Run show = run("datasets", "show", "add_two", "--n", "3");
        assertEquals(0, show.code(), show.err());
        assertEquals(PromptLayout.searchText(Datasets.get("add_two", 0, 10_000).train().subList(0, 3)) + "\n", show.out());
        assertTrue(show.out().matches("Given the input numbers \\d and \\d, the answer is \\d+\\.(\n\nGiven the input numbers \\d and \\d, the answer is \\d+\\.){2}\n"), show.out());
        String[] sums = show.out().split("\n\n");
        for (String s : sums) { // each shown example is a correct sum
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("numbers (\\d) and (\\d), the answer is (\\d+)\\.").matcher(s);
            assertTrue(m.find(), s);
            assertEquals(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), s);
        }

        Run bad = run("datasets", "show", "add_twoo");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown task \"add_twoo\""), bad.err());
    }

    @Test
    void logprobsPrintsTheDefaultModelsTokenLogProbs() throws Exception {
        String text = " Return the sum of the inputs. Given the input numbers 2 and 4, the answer is 6.";
        Run r = run("logprobs", "--text", text);
        assertEquals(0, r.code(), r.err());
        JsonNode out = JSON.readTree(r.out());
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            long[] ids = lm.tokenizer().encode(text);
            TokenLogProbs lp = lm.logProbs(text);
            assertEquals(ids.length, out.path("tokens").size());
            assertEquals(ids.length, out.path("pieces").size());
            for (int i = 0; i < ids.length; i++) {
                assertEquals(ids[i], out.path("tokens").get(i).asLong());
            }
            assertTrue(out.path("logprobs").get(0).isNull(), "the first token has no prediction");
            for (int i = 1; i < ids.length; i++) {
                assertEquals(lp.logprobs()[i], out.path("logprobs").get(i).asDouble(), 1e-6);
                assertTrue(out.path("logprobs").get(i).asDouble() <= 0);
            }
        }
        // the description helps: "6" after "the answer is" is likelier told the task (p 0.48) than not (p 0.22)
        int six = out.path("tokens").size() - 2;
        assertEquals("6", out.path("pieces").get(six).asText());
        JsonNode bare = JSON.readTree(run("logprobs", "--text", text.substring(text.indexOf("Given"))).out());
        int bareSix = bare.path("tokens").size() - 2;
        assertEquals("6", bare.path("pieces").get(bareSix).asText());
        double told = out.path("logprobs").get(six).asDouble();
        double untold = bare.path("logprobs").get(bareSix).asDouble();
        assertEquals(-0.7304, told, 1e-3);
        assertEquals(-1.5069, untold, 1e-3);
    }

    @Test
    void generateIsGreedyAndDeterministic() {
        String prompt = " Return the sum of the inputs. Given the input numbers 2 and 4, the answer is";
        Run a = run("generate", "--prompt", prompt, "--max-new-tokens", "3");
        assertEquals(0, a.code(), a.err());
        Run b = run("generate", "--prompt", prompt, "--max-new-tokens", "3");
        assertEquals(a.out(), b.out());
        // told the task, the default model adds: 3 greedy tokens " ", "6", "."
        assertEquals(" 6.\n", a.out());
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            io.github.promptscope.lm.Generation g = lm.generate(prompt,
                    io.github.promptscope.lm.GenerationConfig.builder().maxNewTokens(3).build());
            assertEquals(" 6.", g.text(), "the command prints the library's greedy continuation");
            assertEquals(3, g.tokens().length);
        }
    }

    @Test
    void benchRerankTimesATinyWorkloadAndWritesIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path work = dir.resolve("work.json");
        Run r = run("bench", "rerank", "--candidates", "2", "--examples", "3", "--tokens", "2", "--passes", "1",
                "--workload-out", work.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode out = JSON.readTree(r.out());
        assertEquals("promptscope", out.path("implementation").asText());
        assertEquals("models/default", out.path("model").asText());
        assertEquals(2, out.path("candidates").asInt());
        assertEquals(3, out.path("examples").asInt());
        assertEquals(1, out.path("passes").asInt());
        assertTrue(out.path("candidates_per_second").asDouble() > 0);
        JsonNode w = JSON.readTree(work.toFile());
        assertEquals(2, w.path("prompts").size());
        assertEquals(2, w.path("prompts").get(0).size());
        assertEquals(3, w.path("contexts").size());
        assertEquals(3, w.path("targets").size());
        // the printed loss is prompt 0's on the written workload, as the library scores it
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            List<long[]> prompts = List.of(JSON.treeToValue(w.path("prompts").get(0), long[].class));
            List<long[]> contexts = new java.util.ArrayList<>();
            List<long[]> targets = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                contexts.add(JSON.treeToValue(w.path("contexts").get(i), long[].class));
                targets.add(JSON.treeToValue(w.path("targets").get(i), long[].class));
            }
            double loss = -lm.scoreTokens(List.of(io.github.promptscope.lm.tokenizer.TokenIds.concat(prompts.get(0),
                    contexts.get(0))), List.of(targets.get(0)), null).get(0).sum();
            double nll = 0;
            long tokens = 0;
            for (int i = 0; i < 3; i++) {
                nll -= lm.scoreTokens(List.of(io.github.promptscope.lm.tokenizer.TokenIds.concat(prompts.get(0),
                        contexts.get(i))), List.of(targets.get(i)), null).get(0).sum();
                tokens += targets.get(i).length;
            }
            assertTrue(loss > 0);
            assertEquals(nll / tokens, out.path("loss_of_prompt_0").asDouble(), 1e-5);
        }
        Run bad = run("bench", "nothing");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("unknown benchmark 'nothing'; known: rerank"), bad.err());
    }
}
