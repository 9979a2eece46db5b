package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sampler's top-k head must be exactly the head of the full stable sort it replaced: the same
 * indices in the same order, ties in index order, or a seeded search would draw other tokens.
 */
class TokenSamplerTest {

    /** The first {@code keep} indices of a stable sort by value, largest first (the former code). */
    private static int[] sortedHead(double[] values, int keep) {
        Integer[] all = new Integer[values.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Arrays.sort(all, (a, b) -> Double.compare(values[b], values[a]));
        return Arrays.stream(all).limit(keep).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void topKHeadIsTheHeadOfTheStableSort() {
        Random rng = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(5000);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct values (many ties), banned tokens at -inf, and -0.0 beside 0.0
                int kind = rng.nextInt(10);
                v[i] = kind == 0 ? Double.NEGATIVE_INFINITY : kind == 1 ? -0.0 : rng.nextInt(trial % 2 == 0 ? 7 : 100000) / 7.0;
            }
            for (int keep : new int[] {1, 2, 50, Math.max(1, n / 8 - 1), n}) {
                int k = Math.min(keep, n);
                assertArrayEquals(sortedHead(v, k), TokenSampler.bestFirst(v, k), "n " + n + ", keep " + k);
            }
        }
    }
}
