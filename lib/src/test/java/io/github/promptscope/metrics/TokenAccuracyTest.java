package io.github.promptscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAccuracyTest {

    private final List<List<Integer>> gold = List.of(List.of(1, 2, 3), List.of(4, 5), List.of(6));
    private final List<List<Integer>> pred = List.of(List.of(1, 2, 0), List.of(4, 5), List.of(0));

    @Test
    void oneBatchIsTokenWeighted() {
        TokenScores s = TokenAccuracy.score(pred, gold);
        assertEquals(4.0 / 6, s.tokenAccuracy(), 1e-12);
        assertEquals(1.0 / 3, s.exactMatch(), 1e-12);
        assertEquals(List.of(0, 1, 0), s.perExample());
    }

    @Test
    void batchMeansThenMeanOverBatchesAsTheRepo() {
        // batch 1: 4/5 tokens, 1/2 exact; batch 2: 0/1 tokens, 0/1 exact -> (0.8 + 0) / 2 and (0.5 + 0) / 2
        TokenScores s = TokenAccuracy.score(pred, gold, 2);
        assertEquals(0.4, s.tokenAccuracy(), 1e-12);
        assertEquals(0.25, s.exactMatch(), 1e-12);
    }

    @Test
    void lengthMismatchIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> TokenAccuracy.score(List.of(List.of(1)), List.of(List.of(1, 2))));
    }
}
