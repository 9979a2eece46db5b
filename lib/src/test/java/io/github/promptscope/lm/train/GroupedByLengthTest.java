package io.github.promptscope.lm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code train --group-by-length}: the same examples, each once, in batches of like length, so a
 * corpus mixing short and long examples (the neurons corpus's 150- and 450-token documents) pads a
 * batch to its own length; the order is seeded, and the grouping changes the corpus hash.
 */
class GroupedByLengthTest {

    private static final int BATCH = 16;

    /** 65% rows of 100-160 ids, 35% of 430-452 (the neurons-short mixture), a last batch of 7. */
    private static MaskedSequences mixed(long seed) {
        Random rng = new Random(5);
        List<long[]> ids = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        for (int i = 0; i < 200 * BATCH + 7; i++) {
            long[] row = new long[rng.nextDouble() < 0.35 ? 430 + rng.nextInt(23) : 100 + rng.nextInt(61)];
            Arrays.fill(row, 1 + rng.nextInt(50));
            boolean[] m = new boolean[row.length];
            m[row.length - 1] = true;
            ids.add(row);
            masks.add(m);
        }
        return MaskedSequences.ofTokens(ids, masks, 512, seed, "mixed");
    }

    /** Padded positions the epoch's batches take: rows times the longest row, summed over steps. */
    private static long paddedPositions(MaskedSequences s) {
        long total = 0;
        for (int step = 0; step < s.steps(BATCH); step++) {
            Batch b = s.batch(step, BATCH);
            total += (long) b.inputs().length * b.inputs()[0].length;
        }
        return total;
    }

    private static List<String> rowsOf(MaskedSequences s) {
        List<String> out = new ArrayList<>();
        for (int step = 0; step < s.steps(BATCH); step++) {
            for (long[] row : s.batch(step, BATCH).inputs()) {
                out.add(row.length + ":" + row[0]);
            }
        }
        return out;
    }

    @Test
    void groupingKeepsEveryExampleOnceAndPadsLittle() {
        MaskedSequences plain = mixed(3);
        MaskedSequences grouped = plain.groupedByLength(BATCH);
        assertEquals(plain.steps(BATCH), grouped.steps(BATCH));
        assertEquals(plain.tokenCount(), grouped.tokenCount());
        long trainedTokens = plain.tokenCount();
        long plainPadded = paddedPositions(plain);
        long groupedPadded = paddedPositions(grouped);
        System.out.printf("padded positions: %d in seeded order, %d grouped (tokens %d)%n", plainPadded, groupedPadded,
                trainedTokens);
        // nearly every plain batch holds a long row; grouped, a batch pads only within its length band
        assertTrue(plainPadded > 1.7 * trainedTokens, plainPadded + " vs " + trainedTokens);
        assertTrue(groupedPadded < 1.15 * trainedTokens, groupedPadded + " vs " + trainedTokens);
        // the same examples: the rows' lengths and first ids form the same multiset (padding repeats a row's last id)
        List<Long> plainTokens = new ArrayList<>();
        List<Long> groupedTokens = new ArrayList<>();
        for (int step = 0; step < plain.steps(BATCH); step++) {
            plainTokens.add(plain.batch(step, BATCH).tokens());
            groupedTokens.add(grouped.batch(step, BATCH).tokens());
        }
        assertEquals(plainTokens.stream().mapToLong(Long::longValue).sum(), groupedTokens.stream().mapToLong(Long::longValue).sum());
        assertEquals(7, grouped.batch(grouped.steps(BATCH) - 1, BATCH).inputs().length, "the smaller batch stays last");
    }

    @Test
    void theGroupedOrderIsSeededAndHashedApart() {
        assertEquals(rowsOf(mixed(3).groupedByLength(BATCH)), rowsOf(mixed(3).groupedByLength(BATCH)));
        assertFalse(rowsOf(mixed(3).groupedByLength(BATCH)).equals(rowsOf(mixed(4).groupedByLength(BATCH))));
        assertFalse(Arrays.equals(mixed(3).fingerprint(), mixed(3).groupedByLength(BATCH).fingerprint()));
        assertTrue(Arrays.equals(mixed(3).fingerprint(), mixed(4).fingerprint()), "order alone never changed the hash");
    }
}
