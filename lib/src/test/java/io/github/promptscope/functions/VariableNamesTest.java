package io.github.promptscope.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableNamesTest {

    private static final List<String> KEYS = List.of("subtract_1", "add_5", "mod_2", "int_div_3", "relu_neg2");

    @Test
    void namesAreSixLowercaseLettersUniqueAndZippedWithSortedKeys() {
        Map<String, String> d = VariableNames.assign(KEYS, new Rng(0));
        assertEquals(5, d.size());
        for (String name : d.keySet()) {
            assertTrue(name.matches("[a-z]{6}"), name);
        }
        List<String> sortedKeys = new ArrayList<>(KEYS);
        sortedKeys.sort(null);
        assertEquals(sortedKeys, new ArrayList<>(d.values()), "values come in sorted-key order");
        assertEquals(new HashSet<>(KEYS), new HashSet<>(d.values()));
    }

    @Test
    void theSameSeedGivesTheSameNamesAndTheNextFinetuneOthers() {
        Rng a = new Rng(7);
        Rng b = new Rng(7);
        Map<String, String> first = VariableNames.assign(KEYS, a);
        assertEquals(first, VariableNames.assign(KEYS, b));
        Map<String, String> second = VariableNames.assign(KEYS, a);
        assertNotEquals(first.keySet(), second.keySet());
        assertNotEquals(first, VariableNames.assign(KEYS, new Rng(8)));
    }

    @Test
    void rngRangesAreHalfOpen() {
        Rng rng = new Rng(3);
        int[] counts = new int[3];
        for (int i = 0; i < 30_000; i++) {
            counts[(int) rng.integers(-1L, 2L) + 1]++;
        }
        for (int c : counts) {
            assertTrue(c > 9_000 && c < 11_000, java.util.Arrays.toString(counts)); // 10,000 expected, sd ~82
        }
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        Rng r = new Rng(4);
        for (int i = 0; i < 20_000; i++) {
            long x = r.integers(-99L, 99L);
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        assertEquals(-99, lo);
        assertEquals(98, hi);
    }
}
