package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The searches' token caches stay within their bound and always give the key's own ids. */
class TokenCacheTest {

    /** A stand-in tokenization that depends only on the row, counting its calls. */
    private static final class Tokenize implements java.util.function.Function<DataRows.Row, long[]> {
        int calls;

        @Override
        public long[] apply(DataRows.Row r) {
            calls++;
            return r.text().chars().asLongStream().toArray();
        }
    }

    private static List<DataRows.Row> rows(int n) {
        List<DataRows.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new DataRows.Row("Input: " + i + " Output:", " " + (i + 2), "Input: " + i + " Output: " + (i + 2) + "."));
        }
        return rows;
    }

    @Test
    void neverHoldsMoreThanItsBoundAndGivesEachRowItsOwnContext() {
        List<DataRows.Row> rows = rows(500);
        TokenCache<DataRows.Row> cache = new TokenCache<DataRows.Row>(64);
        Tokenize tokenize = new Tokenize();
        Random rng = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            DataRows.Row r = rows.get(rng.nextInt(rows.size()));
            assertArrayEquals(new Tokenize().apply(r), cache.get(r, tokenize));
            assertTrue(cache.size() <= 64, "size " + cache.size() + " after " + i + " lookups");
        }
        assertEquals(64, cache.size());
        // 500 rows drawn at random through 64 places: most lookups tokenize again (about 1 - 64/500 of them)
        assertTrue(tokenize.calls > 15_000 && tokenize.calls < 19_000, "calls " + tokenize.calls);
    }

    @Test
    void rowsWithinTheBoundAreTokenizedOnceAndTheLeastRecentlyUsedLeavesFirst() {
        List<DataRows.Row> rows = rows(4);
        TokenCache<DataRows.Row> cache = new TokenCache<DataRows.Row>(3);
        Tokenize tokenize = new Tokenize();
        long[] first = cache.get(rows.get(0), tokenize);
        cache.get(rows.get(1), tokenize);
        cache.get(rows.get(2), tokenize);
        assertSame(first, cache.get(rows.get(0), tokenize), "a cached row is not tokenized again");
        assertEquals(3, tokenize.calls);
        cache.get(rows.get(3), tokenize); // evicts row 1, the least recently used
        assertEquals(4, tokenize.calls);
        cache.get(rows.get(0), tokenize);
        cache.get(rows.get(2), tokenize);
        assertEquals(4, tokenize.calls);
        cache.get(rows.get(1), tokenize);
        assertEquals(5, tokenize.calls);
        assertEquals(3, cache.size());
    }

    @Test
    void rowsAreToldApartByIdentityNotByText() {
        DataRows.Row a = rows(1).get(0);
        DataRows.Row same = rows(1).get(0);
        TokenCache<DataRows.Row> cache = new TokenCache<DataRows.Row>(8);
        Tokenize tokenize = new Tokenize();
        cache.get(a, tokenize);
        cache.get(same, tokenize);
        assertEquals(2, tokenize.calls);
        assertEquals(2, cache.size());
    }

    @Test
    void aBoundBelowOneIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TokenCache<DataRows.Row>(0));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
    }
}
