package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {

    @AfterEach
    void clear() {
        System.clearProperty(DataFiles.HOME_PROPERTY);
    }

    @Test
    void classpathCopyIsTheCommittedFile() throws Exception {
        // The jar resource and the checkout must agree; the walk-up finds the checkout from the module dir.
        Path checkout = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(checkout.resolve("data_utils"))) {
            checkout = checkout.getParent();
        }
        assertEquals(Files.readAllLines(checkout.resolve("data_utils/antonyms.tsv")), DataFiles.lines("antonyms.tsv"));
    }

    @Test
    void homePropertyOverridesAndErrorsNameTheLine(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("data_utils"));
        Files.writeString(home.resolve("data_utils/antonyms.tsv"), "# source: test\nup\tdown\nleft right\n");
        System.setProperty(DataFiles.HOME_PROPERTY, home.toString());
        DataException ex = assertThrows(DataException.class, () -> WordTable.read("antonyms.tsv", 2));
        assertEquals("data_utils/antonyms.tsv:3: expected 2 tab-separated column(s), found 1: left right",
                ex.getMessage());
        DataException missing = assertThrows(DataException.class, () -> DataFiles.lines("nope.tsv"));
        assertTrue(missing.getMessage().contains("nope.tsv not found"), missing.getMessage());
    }

    @Test
    void everyListOpensWithItsSource() {
        for (String f : new String[] {"words.tsv", "plurals.tsv", "antonyms.tsv", "synonyms.tsv", "animals.tsv",
            "translations.tsv", "countries.tsv", "sentiment_words.tsv"}) {
            assertTrue(DataFiles.lines(f).get(0).startsWith("# source:"), f);
        }
    }
}
