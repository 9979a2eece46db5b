package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.data.UserDatasets;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue #11: imodelsX's own add_two strings, read from a JSONL file ({@code "output": " 1.\n\n"}, the
 * blank line included), reach the default model as exactly the token ids the reference scores:
 * {@code tok(". " + input)} after the prompt, then {@code tok(output.rstrip().rstrip("."))}. The ids
 * are written out here, not recomputed by the code under test, so a layout wrapped around the
 * user's strings, or an output scored with its period or newlines, changes them.
 */
class ImodelsxScoredIdsTest {

    private static final String INPUT = "Given the input numbers 0 and 1, the answer is";
    /** {@code ". " + INPUT}: ".", " Given", " the", " input", " numbers", " ", "0", " and", " ", "1", ",", " the", " answer", " is". */
    private static final long[] CONTEXT = {46, 3390, 4301, 3908, 4072, 32, 48, 3541, 32, 49, 44, 4301, 3545, 3913};
    /** {@code " 1"}: " " then "1"; the file's {@code ".\n\n"} is the reference's to strip. */
    private static final long[] TARGET = {32, 49};
    /** " Add the two" (ScoringLayoutTest's prompt). */
    private static final long[] PROMPT = {3319, 4301, 4359};

    private static Dataset file() throws Exception {
        Path f = Path.of(ImodelsxScoredIdsTest.class.getResource("/user/add_two_imodelsx.jsonl").toURI());
        return UserDatasets.jsonl(f).trainFraction(1.0).read();
    }

    @Test
    void theFilesStringsAreScoredAsTheReferencesTokenIds() throws Exception {
        LanguageModel lm = SearchTestModels.defaultModel();
        TextTokenizer tok = lm.tokenizer();
        Example e = file().examples().stream().filter(x -> x.input().equals(INPUT)).findFirst().orElseThrow();
        assertEquals(" 1.\n\n", e.output(), "the file's output, verbatim");

        DataRows.Row row = DataRows.build(List.of(e.input()), List.of(e.output()), 1, true, 10, new Random(0)).rows().get(0);
        assertEquals(INPUT, row.input());
        assertEquals(" 1", row.output());
        assertEquals(INPUT + " 1.", row.text(), "the proposal context's example text");

        CandidateScorer scorer = new CandidateScorer(lm, IPromptConfig.quick(), List.of(e.output()));
        assertArrayEquals(CONTEXT, scorer.context(row, PROMPT.length));
        assertArrayEquals(TARGET, scorer.target(row));
        assertArrayEquals(PROMPT, tok.encode(" Add the two"));

        // the loss the search gives the prompt is the model's loss of exactly these ids
        double searched = scorer.score(List.of(PROMPT), List.of(row)).get(0).loss();
        double byIds = -lm.scoreTokens(List.of(TokenIds.concat(PROMPT, CONTEXT)), List.of(TARGET), null).get(0).sum()
                / TARGET.length;
        assertEquals(byIds, searched, 1e-6);
        // the old language layout ("Input: ... Answer:") and an unstripped output are other ids and another loss
        long[] wrapped = tok.encode(". Input: " + INPUT + " Answer:");
        assertFalse(Arrays.equals(CONTEXT, wrapped));
        long[] unstripped = tok.encode(e.output());
        assertFalse(Arrays.equals(TARGET, unstripped));
        double wrappedLoss = -lm.scoreTokens(List.of(TokenIds.concat(PROMPT, wrapped)), List.of(TARGET), null).get(0).sum()
                / TARGET.length;
        assertTrue(Math.abs(wrappedLoss - searched) > 1e-3, wrappedLoss + " vs " + searched);
    }

    @Test
    void everyRowOfTheFileIsScoredAsTheTasksSameRow() throws Exception {
        LanguageModel lm = SearchTestModels.defaultModel();
        List<Example> user = file().examples();
        assertEquals(100, user.size());
        Dataset task = Datasets.task("add_two").dataset(1, 100);
        List<Example> taskAll = new java.util.ArrayList<>(task.train());
        taskAll.addAll(task.test());
        List<String> outputs = user.stream().map(Example::output).toList();
        CandidateScorer scorer = new CandidateScorer(lm, IPromptConfig.quick(), outputs);
        DataRows userRows = DataRows.build(user.stream().map(Example::input).toList(), outputs, 1, true, 1000, new Random(0));
        long period = lm.tokenizer().encode(".")[0];
        long newline = lm.tokenizer().encode("\n")[0];
        for (DataRows.Row r : userRows.rows()) {
            Example same = taskAll.stream().filter(x -> x.input().equals(r.input())).findFirst().orElseThrow();
            DataRows.Row t = DataRows.build(List.of(same.input()), List.of(same.output()), 1, true, 10, new Random(0))
                    .rows().get(0);
            assertArrayEquals(scorer.context(t, PROMPT.length), scorer.context(r, PROMPT.length), r.input());
            assertArrayEquals(scorer.target(t), scorer.target(r), r.input());
            long[] y = scorer.target(r);
            assertTrue(y.length >= 2 && y[0] == 32, r.input() + ": \" \" then the digits");
            for (long id : y) {
                assertTrue(id != period && id != newline, r.input() + ": no period or newline is scored");
            }
        }
    }
}
