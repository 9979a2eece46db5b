package io.github.promptscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Datasets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RecoveryTest {

    private final Pattern add = Datasets.task("add_two").info().keywordPattern();

    @Test
    void keywordMatchIsCaseInsensitiveSubstringSearch() {
        assertTrue(Recovery.matches(" Summing the two numbers", add));
        assertTrue(Recovery.matches("ADD them", add));
        assertTrue(Recovery.matches("x+y", add));          // the paper's loose \+ matches too
        assertTrue(Recovery.matches("a grand total of additions", add));
        assertFalse(Recovery.matches(" Multiply the inputs", add));
        assertTrue(Recovery.matches("the number two", "two|double|2"));
    }

    @Test
    void rankOfFirstCorrectPrompt() {
        List<String> ranked = List.of(" Multiply the", " Take the", " Sum the inputs", " Add them");
        assertEquals(2, Recovery.rank(ranked, add));
        assertEquals(Recovery.NOT_FOUND, Recovery.rank(List.of(" Multiply"), add));
        assertEquals(Recovery.NOT_FOUND, Recovery.rank(List.of(), add));
        assertEquals(1.0 / 3, Recovery.reciprocalRank(2), 0);
    }

    @Test
    void mrrTopKAndCorrectness() {
        List<Long> ranks = List.of(0L, 2L, Recovery.NOT_FOUND, 1L);
        // (1 + 1/3 + 1/(1e10+1) + 1/2) / 4, computed by hand
        assertEquals((1 + 1.0 / 3 + 1 / (1e10 + 1) + 0.5) / 4, RankStats.mrr(ranks), 1e-15);
        assertEquals(0.25, RankStats.correctness(ranks));
        assertEquals(0.5, RankStats.topK(ranks, 2));
        assertEquals(0.75, RankStats.topK(ranks, 3));
        assertEquals(0.75, RankStats.topK(ranks, 1000));
    }
}
