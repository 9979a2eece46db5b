package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShotRowTest {

    @Test
    void threeShotRowMatchesThePaperLayout() {
        ExampleTemplate t = ExampleTemplate.MATH_TWO;
        List<Example> shots = List.of(t.format(List.of("8", "0"), "8"), t.format(List.of("3", "3"), "6"),
                t.format(List.of("8", "1"), "9"));
        ShotRow row = ShotRow.of(shots, t);
        assertEquals("Given the input numbers 8 and 0, the answer is 8.\n\n"
                + "Given the input numbers 3 and 3, the answer is 6.\n\n"
                + "Given the input numbers 8 and 1, the answer is 9.\n\n", row.text());
        assertEquals("Given the input numbers 8 and 0, the answer is 8.\n\n"
                + "Given the input numbers 3 and 3, the answer is 6.\n\n"
                + "Given the input numbers 8 and 1, the answer is", row.input());
        assertEquals("Given the input numbers 8 and 1, the answer is", row.lastInput());
        assertEquals(" 9.\n\n", row.output());
    }

    @Test
    void sampledRowsHaveDistinctShots() {
        Dataset d = Datasets.get("add_two", 0, 100);
        List<ShotRow> rows = ShotRow.sample(d.train(), d.template(), 5, 200, 1);
        assertEquals(200, rows.size());
        assertEquals(rows, ShotRow.sample(d.train(), d.template(), 5, 200, 1));
        for (ShotRow r : rows) {
            String[] parts = r.text().split("\n\n");
            assertEquals(5, parts.length);
            assertEquals(5, new HashSet<>(List.of(parts)).size());
            assertTrue(r.input().endsWith(r.lastInput()));
        }
    }
}
