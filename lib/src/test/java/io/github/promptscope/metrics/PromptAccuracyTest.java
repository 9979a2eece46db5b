package io.github.promptscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import org.junit.jupiter.api.Test;

class PromptAccuracyTest {

    @Test
    void containmentOfTheStrippedAnswer() {
        Dataset d = Datasets.get("add_two", 0, 100);
        // A fake model that adds only when the prompt says so, otherwise answers 0.
        Completion model = (prompt, e) -> {
            String[] ab = e.input().replaceAll("[^0-9 ]", "").trim().split("\\s+");
            int sum = Integer.parseInt(ab[0]) + Integer.parseInt(ab[1]);
            return prompt.contains("Add") ? " " + sum + ".\n\nGiven" : " 0.";
        };
        PromptAccuracy.Result good = PromptAccuracy.containment(model).evaluate(" Add the inputs.", d.test());
        assertEquals(1.0, good.accuracy());
        PromptAccuracy.Result bad = PromptAccuracy.containment(model).evaluate(" Say zero.", d.test());
        long zeros = d.test().stream().filter(e -> e.answer().equals("0")).count();
        assertEquals(zeros / (double) d.test().size(), bad.accuracy(), 1e-12);
        Example first = bad.rows().get(0).example();
        assertEquals(first.answer().equals("0"), bad.rows().get(0).correct());
    }

    @Test
    void normalization() {
        assertEquals("16", PromptAccuracy.normalize("16.\n\n"));
        assertEquals("Paris", PromptAccuracy.normalize(" Paris!"));
        assertEquals("-5", PromptAccuracy.normalize("-5"));
        assertTrue(PromptAccuracy.normalize("").isEmpty());
        assertFalse(PromptAccuracy.normalize("a b.").endsWith("."));
    }
}
