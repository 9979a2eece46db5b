package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scoring runs the last block's MLP only on the positions it reads ({@code Decoder.hiddenAtRows}).
 * Those rows must carry exactly the floats of the full pass picked afterwards, or a seeded search
 * would rank other prompts: shaped like a scoring chunk (a prompt's keys and values in the cache,
 * then padded examples), every bit compared.
 */
class LastBlockRowsTest {

    private static LanguageModel lm;

    @BeforeAll
    static void load() {
        lm = LanguageModel.loadDefault();
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void readRowsOfThePrunedPassAreThoseOfTheFullPass() {
        Decoder d = lm.decoder();
        Random rng = new Random(4);
        int prompts = 3;
        int examples = 16;
        int n = 6;
        int len = 12;
        int batch = prompts * examples;
        long[][] promptIds = new long[prompts][n];
        long[][] promptPos = new long[prompts][n];
        boolean[][] promptMask = new boolean[prompts][n];
        long[][] ids = new long[batch][len];
        long[][] pos = new long[batch][len];
        boolean[][] keys = new boolean[batch][n + len];
        for (int p = 0; p < prompts; p++) {
            for (int t = 0; t < n; t++) {
                promptIds[p][t] = rng.nextInt(d.config.vocabSize());
                promptPos[p][t] = t;
                promptMask[p][t] = true;
            }
        }
        long[] read = new long[batch * 2];
        for (int r = 0; r < batch; r++) {
            int real = 5 + rng.nextInt(len - 4); // padded at the end, as scoring pads
            Arrays.fill(keys[r], 0, n, true);
            for (int t = 0; t < len; t++) {
                ids[r][t] = t < real ? rng.nextInt(d.config.vocabSize()) : 0;
                pos[r][t] = n + t;
                keys[r][n + t] = t < real;
            }
            read[2 * r] = (long) r * len + real - 3; // the two positions that predict a two-token output
            read[2 * r + 1] = (long) r * len + real - 2;
        }
        try (NDManager m = d.lmHead.getManager().newSubManager()) {
            float[] full = run(d, m, promptIds, promptPos, promptMask, examples, ids, pos, keys, null, read);
            float[] pruned = run(d, m, promptIds, promptPos, promptMask, examples, ids, pos, keys, read, read);
            assertEquals(read.length * d.config.hiddenSize(), pruned.length);
            assertArrayEquals(full, pruned);
        }
    }

    /** The read rows' final hidden states; {@code lastRows} null runs the full pass and picks afterwards. */
    private static float[] run(Decoder d, NDManager m, long[][] promptIds, long[][] promptPos, boolean[][] promptMask,
            int examples, long[][] ids, long[][] pos, boolean[][] keys, long[] lastRows, long[] read) {
        try (NDManager call = m.newSubManager()) {
            KvCache cache = new KvCache(call, d.layers.size());
            d.hiddenForInference(d.embed(call.create(promptIds)), promptPos, promptMask, cache);
            cache.repeatEachRow(examples);
            NDArray embeds = d.embed(call.create(ids));
            if (lastRows != null) {
                return d.hiddenAtRows(embeds, pos, keys, cache, lastRows).toFloatArray();
            }
            NDArray hidden = d.hiddenForInference(embeds, pos, keys, cache);
            return Decoder.rows(hidden.reshape(-1, d.config.hiddenSize()), call.create(read)).toFloatArray();
        }
    }
}
