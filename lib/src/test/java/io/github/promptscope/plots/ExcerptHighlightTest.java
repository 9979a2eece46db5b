package io.github.promptscope.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.neurons.ActivationRecord;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExcerptHighlightTest {

    @Test
    void tokensAreShadedByActivationOverTheLargestAndEscaped() {
        Html h = ExcerptHighlight.of(List.of(
                new ActivationRecord(List.of("The", " <red>", " car"), new double[] {0, 2.0, -0.1}),
                new ActivationRecord(List.of(" blue", "&"), new double[] {4.0, 1.0})));
        String html = h.html();
        assertTrue(html.contains("<span title=\"2.000\" style=\"background: rgba(0, 160, 60, 0.50)\"> &lt;red&gt;</span>"), html);
        assertTrue(html.contains("<span title=\"4.000\" style=\"background: rgba(0, 160, 60, 1.00)\"> blue</span>"), html);
        assertTrue(html.contains("<span title=\"1.000\" style=\"background: rgba(0, 160, 60, 0.25)\">&amp;</span>"), html);
        assertTrue(html.contains("<span title=\"-0.100\"> car</span>"), "a negative activation is left plain: " + html);
        assertEquals(2, html.split("white-space: pre-wrap").length - 1, "one block per excerpt");
    }
}
