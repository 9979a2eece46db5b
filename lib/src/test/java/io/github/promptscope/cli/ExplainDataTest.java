package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.data.PromptLayout;
import io.github.promptscope.lm.ContinuationScore;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;
import io.github.promptscope.search.Budget;
import io.github.promptscope.search.IPrompt;
import io.github.promptscope.search.IPromptConfig;
import io.github.promptscope.search.RankedPrompt;
import io.github.promptscope.search.SearchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code explain --jsonl} hands the user's strings to the search exactly as given. */
class ExplainDataTest {

    private static Path resource(String name) throws Exception {
        return Path.of(ExplainDataTest.class.getResource(name).toURI());
    }

    private static ExplainData load(String... args) {
        ExplainCommand cmd = new ExplainCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.load();
    }

    @Test
    void imodelsxJsonlReachesTheSearchAsTheTaskDoes() throws Exception {
        String file = resource("/user/add_two_imodelsx.jsonl").toString();
        ExplainData task = load("--task", "add_two", "--seed", "4");
        ExplainData jsonl = load("--jsonl", file, "--seed", "4", "--train-fraction", "0.75");
        assertEquals(75, task.inputs().size());
        assertEquals(task.inputs(), jsonl.inputs());
        assertEquals(task.outputs(), jsonl.outputs());
        // By default a user file is used whole, as explain_dataset_iprompt uses it; same order, 25 more rows.
        ExplainData all = load("--jsonl", file, "--seed", "4");
        assertEquals(100, all.inputs().size());
        assertEquals(task.inputs(), all.inputs().subList(0, 75));
        assertTrue(all.outputs().stream().allMatch(o -> o.matches(" \\d+\\.\n\n")), all.outputs().get(0));
        // The old behaviour (language layout) is there only on request.
        ExplainData wrapped = load("--jsonl", file, "--seed", "4", "--layout", "language");
        assertEquals("Input: " + all.inputs().get(0) + " Answer:", wrapped.inputs().get(0));
    }

    @Test
    void linesAndLayoutErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "3 4\n5 1\n");
        Path out = Files.writeString(dir.resolve("out.txt"), "7\n6\n");
        ExplainData d = load("--inputs", in.toString(), "--outputs", out.toString(), "--layout", "math");
        assertEquals(2, d.inputs().size());
        assertTrue(d.inputs().contains("Given the input numbers 3 and 4, the answer is"), d.inputs().toString());
        assertTrue(d.outputs().contains(" 7.\n\n"));
        ExplainData raw = load("--inputs", in.toString(), "--outputs", out.toString());
        assertTrue(raw.inputs().contains("3 4") && raw.outputs().contains("7"));
        Exception ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> load("--task", "add_two", "--layout", "language"));
        assertTrue(ex.getMessage().contains("--layout applies to --jsonl and --inputs"), ex.getMessage());
    }

    /**
     * Every prompt's loss is the token-weighted cross-entropy of exactly {@code [prompt][". " + x][y']}
     * with y' = y.rstrip().rstrip('.'), x and y the file's strings: recomputed here from token ids we
     * encode ourselves, it equals the search's loss, and a rewrapped layout gives another loss.
     */
    @Test
    void scoredTokensAreTheReferenceLayoutOfTheFilesStrings() throws Exception {
        System.setProperty("promptscope.progress", "off");
        Path file = resource("/user/add_two_imodelsx.jsonl");
        ExplainData d = load("--jsonl", file.toString(), "--seed", "2", "--train-fraction", "0.2");
        Map<String, String> fromFile = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = json.readTree(line);
            fromFile.put(n.get("input").textValue(), n.get("output").textValue());
        }
        for (int i = 0; i < d.inputs().size(); i++) {
            assertEquals(fromFile.get(d.inputs().get(i)), d.outputs().get(i), "the file's own output string");
        }
        try (LanguageModel lm = LanguageModel.load(resource("/fixtures/gpt2-lmhead"))) {
            checkScores(lm, d);
        }
    }

    private static void checkScores(LanguageModel lm, ExplainData d) {
        TextTokenizer tok = lm.tokenizer();
        // One example, spelled out: the "\n\n" and the period are the reference's to strip, nothing is added.
        assertArrayEquals(tok.encode(" 1"), tok.encode(PromptLayout.stripOutput(" 1.\n\n")));
        assertFalse(java.util.Arrays.equals(tok.encode(" 1"), tok.encode(" 1.\n\n")));

        IPromptConfig cfg = IPromptConfig.quick().toBuilder().numLearnedTokens(3).nShots(1).batchSize(100)
                .popSize(2).numRandomGenerations(1).numMutations(1).seed(9)
                .doFinalReranking(false).maskPossibleAnswers(false).build();
        SearchResult r = new IPrompt(cfg).search(lm, d.inputs(), d.outputs(), Budget.steps(1));
        List<RankedPrompt> scored = r.ranked().stream().filter(p -> p.evaluations() > 0).toList();
        assertTrue(scored.size() >= 2, "at least two distinct prompts scored, got " + scored.size());
        for (RankedPrompt p : scored) {
            double reference = loss(lm, p.ids(), d.inputs(), d.outputs());
            assertEquals(reference, p.meanLoss(), 1e-4 * Math.max(1, reference), p.text());
            double wrapped = loss(lm, p.ids(), d.inputs().stream().map(x -> "Input: " + x + " Answer:").toList(),
                    d.outputs());
            assertTrue(Math.abs(wrapped - p.meanLoss()) > 1e-3, "a rewrapped input would score differently");
        }
    }

    /** Mean NLL per output token of {@code [prompt][tok(". " + x)][tok(strip(y))]}. */
    private static double loss(LanguageModel lm, long[] prompt, List<String> xs, List<String> ys) {
        TextTokenizer tok = lm.tokenizer();
        List<long[]> prefixes = new ArrayList<>();
        List<long[]> targets = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            prefixes.add(TokenIds.concat(prompt, tok.encode(". " + xs.get(i))));
            targets.add(tok.encode(PromptLayout.stripOutput(ys.get(i))));
        }
        List<ContinuationScore> s = lm.scoreTokens(prefixes, targets, null);
        double nll = 0;
        long n = 0;
        for (int i = 0; i < s.size(); i++) {
            nll -= s.get(i).sum();
            n += targets.get(i).length;
        }
        return nll / n;
    }
}
