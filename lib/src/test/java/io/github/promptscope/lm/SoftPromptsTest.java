package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Soft rows spliced into token sequences: same numbers as plain scoring, and true gradients. */
class SoftPromptsTest {

    static List<String> fixtures() {
        return Fixtures.names();
    }

    /** Two sequences of different lengths; the second's soft rows sit in other columns (the unaligned path). */
    private static List<SoftSequence> batch(LanguageModel lm, int k) {
        long[] a = lm.tokenizer().encode("Add the two numbers: 12 + 7 = 19");
        long[] b = lm.tokenizer().encode("Sum: 3 + 4 = 7");
        return List.of(
                SoftSequence.builder().tokens(new long[] {a[0]}).soft(0, k).tokens(Arrays.copyOfRange(a, k + 1, a.length - 2))
                        .targets(Arrays.copyOfRange(a, a.length - 2, a.length)).build(),
                SoftSequence.builder().soft(0, k).tokens(Arrays.copyOfRange(b, 0, b.length - 1))
                        .targets(Arrays.copyOfRange(b, b.length - 1, b.length)).build());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void tokensOwnEmbeddingsAsSoftRowsScoreLikePlainScoring(String name) {
        LanguageModel lm = Fixtures.model(name);
        SoftPrompts soft = lm.softPrompts();
        long[] ids = lm.tokenizer().encode("Add the two numbers: 12 + 7 = 19");
        int n = ids.length;
        // rows 0..2 are tokens 1..3 of the text itself, so the spliced sequence is the text
        float[][] rows = soft.embeddingRows(Arrays.copyOfRange(ids, 1, 4));
        SoftSequence aligned = SoftSequence.builder().tokens(new long[] {ids[0]}).soft(0, 3)
                .tokens(Arrays.copyOfRange(ids, 4, n - 3)).targets(Arrays.copyOfRange(ids, n - 3, n)).build();
        SoftSequence shifted = SoftSequence.builder().soft(0, 3).tokens(Arrays.copyOfRange(ids, 4, n - 1))
                .targets(Arrays.copyOfRange(ids, n - 1, n)).build();
        List<SoftPromptScore> got = soft.score(rows, List.of(aligned, shifted));

        ContinuationScore plain = lm.scoreTokens(List.of(Arrays.copyOfRange(ids, 0, n - 3)),
                List.of(Arrays.copyOfRange(ids, n - 3, n)), null).get(0);
        assertEquals(3, got.get(0).logProbs().length);
        for (int i = 0; i < 3; i++) {
            assertEquals(plain.tokenLogProbs()[i], got.get(0).logProbs()[i], 1e-5, "target " + i);
        }
        assertEquals(plain.greedy(), got.get(0).allGreedy());
        // the teacher-forced argmax at each target position is the plain forward's most likely next token there
        float[][] next = lm.nextTokenLogProbs(ids);
        for (int i = 0; i < 3; i++) {
            assertEquals(argmax(next[n - 4 + i]), got.get(0).argmax()[i], "argmax at target " + i);
            assertEquals(got.get(0).argmax()[i] == ids[n - 3 + i], got.get(0).greedy()[i]);
        }
        ContinuationScore plainShifted = lm.scoreTokens(List.of(Arrays.copyOfRange(ids, 1, n - 1)),
                List.of(Arrays.copyOfRange(ids, n - 1, n)), null).get(0);
        assertEquals(plainShifted.tokenLogProbs()[0], got.get(1).logProbs()[0], 1e-5, "padded, other columns");
        assertTrue(got.get(0).sum() < 0);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void greedyGenerationWithTheTokensOwnRowsEqualsPlainGreedy(String name) {
        LanguageModel lm = Fixtures.model(name);
        SoftPrompts soft = lm.softPrompts();
        long[] a = lm.tokenizer().encode("Add the two numbers: 12 + 7 =");
        long[] b = lm.tokenizer().encode("Sum: 3 + 4 =");
        float[][] rows = soft.embeddingRows(Arrays.copyOfRange(a, 1, 3));
        // a: rows in columns 1-2; b: rows in columns 0-1 followed by b itself (unaligned, padded)
        List<SoftSequence> prompts = List.of(
                SoftSequence.builder().tokens(new long[] {a[0]}).soft(0, 2).tokens(Arrays.copyOfRange(a, 3, a.length)).build(),
                SoftSequence.builder().soft(0, 2).tokens(b).build());
        long[][] got = soft.generateGreedy(rows, prompts, 5, -1);
        long[] bWithRows = new long[b.length + 2];
        bWithRows[0] = a[1];
        bWithRows[1] = a[2];
        System.arraycopy(b, 0, bWithRows, 2, b.length);
        GenerationConfig greedy = GenerationConfig.builder().maxNewTokens(5).minNewTokens(5).stopAtEos(false).build();
        List<Generation> plain = lm.generateFromIds(List.of(a, bWithRows), greedy);
        assertArrayEquals(plain.get(0).tokens(), got[0]);
        assertArrayEquals(plain.get(1).tokens(), got[1]);
        assertEquals(5, got[0].length);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void gradientEqualsCentralFiniteDifference(String name) {
        LanguageModel lm = Fixtures.model(name);
        SoftPrompts soft = lm.softPrompts();
        float[][] rows = soft.embeddingRows(lm.tokenizer().encode(" the sum of"));
        int k = rows.length;
        List<SoftSequence> seqs = batch(lm, k);
        SoftPromptLoss at = soft.lossAndGradient(rows, seqs);
        assertEquals(k, at.gradient().length);
        // the loss is the token-weighted mean of the targets' cross-entropy (2 + 1 targets)
        List<SoftPromptScore> scores = soft.score(rows, seqs);
        assertEquals(-(scores.get(0).sum() + scores.get(1).sum()) / 3, at.loss(), 1e-5);

        // the four coordinates with the largest gradients, and one per row: float32 rules out tiny ones
        int d = soft.width();
        Integer[] order = new Integer[k * d];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Float.compare(Math.abs(at.gradient()[y / d][y % d]), Math.abs(at.gradient()[x / d][x % d])));
        double eps = 1e-2;
        for (int c = 0; c < 4; c++) {
            int row = order[c] / d;
            int col = order[c] % d;
            float[][] up = copy(rows);
            float[][] down = copy(rows);
            up[row][col] += (float) eps;
            down[row][col] -= (float) eps;
            double fd = (soft.lossAndGradient(up, seqs).loss() - soft.lossAndGradient(down, seqs).loss()) / (2 * eps);
            double g = at.gradient()[row][col];
            assertTrue(Math.abs(g) > 1e-3, "a coordinate the loss depends on: " + g);
            assertEquals(fd, g, 2e-2 * Math.abs(fd), "d loss / d row " + row + " col " + col);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void vocabularyScoresAndNearestTokens(String name) {
        LanguageModel lm = Fixtures.model(name);
        SoftPrompts soft = lm.softPrompts();
        long[] ids = lm.tokenizer().encode(" two numbers");
        float[][] rows = soft.embeddingRows(ids);
        float[][] scores = soft.vocabularyScores(rows);
        assertEquals(lm.config().vocabSize(), scores[0].length);
        for (int i = 0; i < ids.length; i++) {
            double norm2 = 0;
            for (float v : rows[i]) {
                norm2 += v * v;
            }
            assertEquals(norm2, scores[i][(int) ids[i]], 1e-4 * norm2, "a row dotted with its own token");
            assertArrayEquals(new long[] {ids[i]}, soft.nearestTokens(rows[i], 1, SoftPrompts.Distance.L2));
            assertArrayEquals(new long[] {ids[i]}, soft.nearestTokens(rows[i], 1, SoftPrompts.Distance.COSINE));
            long[] lowest = soft.lowestScoringTokens(rows[i], 3);
            float min = Float.MAX_VALUE;
            for (float s : scores[i]) {
                min = Math.min(min, s);
            }
            assertEquals(min, scores[i][(int) lowest[0]], 1e-6);
            assertTrue(scores[i][(int) lowest[0]] <= scores[i][(int) lowest[1]]
                    && scores[i][(int) lowest[1]] <= scores[i][(int) lowest[2]]);
        }
    }

    private static float[][] copy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    private static long argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
