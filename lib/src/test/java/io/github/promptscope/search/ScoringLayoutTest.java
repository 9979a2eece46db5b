package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.ContinuationScore;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a candidate is scored (spec 1.3-1.4): the prompt-after-input layout
 * ({@code prefixBeforeInput=false}: {@code [tok(x)][preprefix][prompt][tok(y)]}) and the answer
 * mask ({@code maskPossibleAnswers}: every output position's distribution restricted to the tokens
 * of the observed outputs, the others pushed to -1e10), on the default model and a known add_two row.
 */
class ScoringLayoutTest {

    // an add_two row (the README's seed-0 example): "Given the input numbers 2 and 4, the answer is 6.\n\n"
    private static final String X = "Given the input numbers 2 and 4, the answer is";
    private static final String Y = " 6";
    private static final String PREPREFIX = " So";
    private static final String PROMPT = " Add the two";

    private static DataRows.Row row() {
        return new DataRows.Row(X, Y, X + Y + ".");
    }

    /** With {@code mask}, every token of every output is left open ({@code maskAllAnswerTokens}). */
    private static IPromptConfig config(boolean prefixBeforeInput, boolean mask) {
        return IPromptConfig.quick().toBuilder().preprefix(PREPREFIX).prefixBeforeInput(prefixBeforeInput)
                .maskPossibleAnswers(mask).maskAllAnswerTokens(mask).build();
    }

    /** The loss of one target under one prefix, from the model's plain full-sequence scorer. */
    private static double loss(LanguageModel lm, long[] prefix, long[] target) {
        return -lm.scoreTokens(List.of(prefix), List.of(target), null).get(0).sum() / target.length;
    }

    @Test
    void promptAfterInputScoresInputThenPreprefixThenPromptThenOutput() {
        LanguageModel lm = SearchTestModels.defaultModel();
        TextTokenizer tok = lm.tokenizer();
        long[] x = {562, 4301, 3908, 4072, 32, 50, 3541, 32, 52, 44, 4301, 3545, 3913};
        long[] pre = {32, 934};
        long[] prompt = {3319, 4301, 4359};
        long[] y = {32, 54};
        assertArrayEquals(x, tok.encode(X));
        assertArrayEquals(pre, tok.encode(PREPREFIX));
        assertArrayEquals(prompt, tok.encode(PROMPT));
        assertArrayEquals(y, tok.encode(Y));
        long[] expected = {562, 4301, 3908, 4072, 32, 50, 3541, 32, 52, 44, 4301, 3545, 3913, 32, 934, 3319, 4301, 4359};
        assertArrayEquals(expected, TokenIds.concat(x, pre, prompt));

        CandidateScorer.Score after = new CandidateScorer(lm, config(false, false), List.of(Y))
                .score(List.of(prompt), List.of(row())).get(0);
        double want = loss(lm, expected, y);
        assertEquals(want, after.loss(), 1e-6);
        boolean greedy = lm.scoreTokens(List.of(expected), List.of(y), null).get(0).greedy();
        assertEquals(greedy ? 1.0 : 0.0, after.accuracy(), 0.0);
        // every other arrangement of the same pieces scores differently, so the layout is pinned
        long[] dotX = {46, 3390, 4301, 3908, 4072, 32, 50, 3541, 32, 52, 44, 4301, 3545, 3913};
        assertArrayEquals(dotX, tok.encode(". " + X));
        for (long[] other : List.of(TokenIds.concat(x, prompt, pre), TokenIds.concat(pre, prompt, x),
                TokenIds.concat(x, prompt), TokenIds.concat(pre, prompt, dotX))) {
            assertTrue(Math.abs(loss(lm, other, y) - after.loss()) > 1e-3, Arrays.toString(other));
        }
        // and the default, prompt-before-input layout is [preprefix][prompt][". " + x][y]
        CandidateScorer.Score before = new CandidateScorer(lm, config(true, false), List.of(Y))
                .score(List.of(prompt), List.of(row())).get(0);
        assertEquals(loss(lm, TokenIds.concat(pre, prompt, dotX), y), before.loss(), 1e-5);
        assertTrue(Math.abs(before.loss() - after.loss()) > 1e-3);
    }

    @Test
    void answerMaskRestrictsEachOutputPositionToTheAnswersTokens() {
        LanguageModel lm = SearchTestModels.defaultModel();
        TextTokenizer tok = lm.tokenizer();
        List<String> outputs = List.of(" 6", " 12.");
        long[] allowed = {32, 54, 49, 50}; // " ", "6", "1", "2": the tokens of the outputs, period stripped
        assertArrayEquals(new long[] {32, 49, 50}, tok.encode(" 12"));
        long[] prompt = tok.encode(PROMPT);
        long[] y = tok.encode(Y);
        long[] pre = tok.encode(PREPREFIX);
        long[] afterSeq = TokenIds.concat(tok.encode(X), pre, prompt);
        long[] beforeSeq = TokenIds.concat(pre, prompt, tok.encode(". " + X));

        for (boolean beforeInput : new boolean[] {false, true}) {
            long[] seq = beforeInput ? beforeSeq : afterSeq;
            // by hand: ln p restricted to the allowed ids = ln p(y_t) - logsumexp over allowed a of ln p(a),
            // from the unrestricted distribution at each position
            double[] restricted = new double[y.length];
            boolean greedy = true;
            for (int t = 0; t < y.length; t++) {
                long[] ctx = TokenIds.concat(seq, Arrays.copyOf(y, t));
                List<long[]> prefixes = new ArrayList<>();
                List<long[]> singles = new ArrayList<>();
                for (long a : allowed) {
                    prefixes.add(ctx);
                    singles.add(new long[] {a});
                }
                List<ContinuationScore> free = lm.scoreTokens(prefixes, singles, null);
                double max = Double.NEGATIVE_INFINITY;
                long argmax = -1;
                double target = Double.NaN;
                for (int i = 0; i < allowed.length; i++) {
                    double lp = free.get(i).tokenLogProbs()[0];
                    if (lp > max) {
                        max = lp;
                        argmax = allowed[i];
                    }
                    if (allowed[i] == y[t]) {
                        target = lp;
                    }
                }
                double sum = 0;
                for (ContinuationScore f : free) {
                    sum += Math.exp(f.tokenLogProbs()[0] - max);
                }
                restricted[t] = target - (max + Math.log(sum));
                greedy &= argmax == y[t];
                assertTrue(restricted[t] > target, "restricting raises the probability of an allowed token");
            }
            float[] masked = lm.scoreTokens(List.of(seq), List.of(y), allowed).get(0).tokenLogProbs();
            for (int t = 0; t < y.length; t++) {
                assertEquals(restricted[t], masked[t], 1e-5, "position " + t);
            }
            CandidateScorer.Score s = new CandidateScorer(lm, config(beforeInput, true), outputs)
                    .score(List.of(prompt), List.of(row())).get(0);
            assertEquals(-(restricted[0] + restricted[1]) / 2, s.loss(), 1e-5, "before input: " + beforeInput);
            assertEquals(greedy ? 1.0 : 0.0, s.accuracy(), 0.0);
            CandidateScorer.Score unmasked = new CandidateScorer(lm, config(beforeInput, false), outputs)
                    .score(List.of(prompt), List.of(row())).get(0);
            assertTrue(unmasked.loss() - s.loss() > 1e-3, "the mask lowers the loss: " + unmasked.loss() + " vs " + s.loss());
        }

        // a target outside the allowed ids gets a logit of -1e10 (float: within one ulp, 1024)
        long seven = tok.encode("7")[0];
        long[] ctx = TokenIds.concat(afterSeq, new long[] {32});
        double free = lm.scoreTokens(List.of(ctx), List.of(new long[] {seven}), null).get(0).tokenLogProbs()[0];
        double masked = lm.scoreTokens(List.of(ctx), List.of(new long[] {seven}), allowed).get(0).tokenLogProbs()[0];
        assertTrue(free > -40, "unmasked, \"7\" is an ordinary token: " + free);
        assertEquals(-1e10, masked, 2048);
        float shared = lm.scoreUnderPrompts(List.of(prompt), List.of(tok.encode(". " + X)), List.of(new long[] {32, seven}),
                allowed).logProbs()[0][0];
        assertEquals(-1e10, shared, 2048, "the shared-prompt scorer masks the same way");
    }

    /**
     * The reference's answer mask (the default): the first token of each output and nothing else,
     * applied at every output position. On the default model " 6" is " " then "6", so the mask
     * leaves only " " open and the "6" is scored at a logit of -1e10: a loss of about 1e10 / 2
     * per token. {@code maskAllAnswerTokens} opens every output token and the loss is ordinary.
     */
    @Test
    void referenceMaskOpensOnlyTheOutputsFirstTokensAtEveryPosition() {
        LanguageModel lm = SearchTestModels.defaultModel();
        TextTokenizer tok = lm.tokenizer();
        List<String> outputs = List.of(" 6", " 12.");
        IPromptConfig reference = IPromptConfig.quick().toBuilder().maskPossibleAnswers(true).build();
        assertFalse(reference.maskAllAnswerTokens(), "the reference's mask is the default");
        CandidateScorer masked = new CandidateScorer(lm, reference, outputs);
        assertArrayEquals(new long[] {32}, masked.allowedAnswers(), "the first token of \" 6\" and of \" 12\"");
        CandidateScorer every = new CandidateScorer(lm, reference.toBuilder().maskAllAnswerTokens(true).build(), outputs);
        assertArrayEquals(new long[] {32, 54, 49, 50}, every.allowedAnswers());
        assertNull(new CandidateScorer(lm, config(true, false), outputs).allowedAnswers());

        long[] prompt = tok.encode(PROMPT);
        double firstOnly = masked.score(List.of(prompt), List.of(row())).get(0).loss();
        double allTokens = every.score(List.of(prompt), List.of(row())).get(0).loss();
        // (1e10 + small) / 2 tokens: "6" is outside the mask
        assertEquals(5e9, firstOnly, 1e4);
        assertTrue(allTokens > 0 && allTokens < 20, "every output token open: an ordinary loss, " + allTokens);
    }
}
