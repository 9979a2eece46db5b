package io.github.promptscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Progress#off()} silences progress for one block and gives back the setting it found. */
class ProgressTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(Progress.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(Progress.PROPERTY);
        } else {
            System.setProperty(Progress.PROPERTY, saved);
        }
    }

    @Test
    void aNotebooksLineComesBackAfterTheBlock() {
        System.setProperty(Progress.PROPERTY, "line");
        try (Progress.Off quiet = Progress.off()) {
            assertEquals("off", System.getProperty(Progress.PROPERTY));
            Progress inside = Progress.start("inside", 3, 0);
            assertFalse(inside instanceof Progress.LineProgress || inside instanceof Progress.BarProgress, "shows nothing");
        }
        assertEquals("line", System.getProperty(Progress.PROPERTY));
        assertInstanceOf(Progress.LineProgress.class, Progress.start("after", 3, 0));
    }

    @Test
    void noSettingBeforeMeansNoneAfter() {
        System.clearProperty(Progress.PROPERTY);
        try (Progress.Off quiet = Progress.off()) {
            assertEquals("off", System.getProperty(Progress.PROPERTY));
        }
        assertNull(System.getProperty(Progress.PROPERTY));
    }

    @Test
    void theSettingComesBackWhenTheBlockThrows() {
        System.setProperty(Progress.PROPERTY, "line");
        assertThrows(IllegalStateException.class, () -> {
            try (Progress.Off quiet = Progress.off()) {
                throw new IllegalStateException("the command failed");
            }
        });
        assertEquals("line", System.getProperty(Progress.PROPERTY));
    }

    @Test
    void nestedBlocksUnwindInOrder() {
        System.setProperty(Progress.PROPERTY, "bar");
        try (Progress.Off outer = Progress.off()) {
            try (Progress.Off inner = Progress.off()) {
                assertEquals("off", System.getProperty(Progress.PROPERTY));
            }
            assertEquals("off", System.getProperty(Progress.PROPERTY), "still inside the outer block");
        }
        assertEquals("bar", System.getProperty(Progress.PROPERTY));
    }
}
