package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder layout DATASETS.md documents ("Sentiment experiment"), corpus by corpus: each of the four
 * file-backed datasets is read from exactly its documented name, and a missing one is an error naming
 * the missing path and the whole layout. The readers' fixtures stand in for the real files.
 */
class SentimentDataFilesTest {

    /** Dataset name -> its documented file name and the reader fixture that stands in for it. */
    private static final Map<String, String[]> CORPORA = Map.of(
            "sst2", new String[] {"sst2.tsv", "sst2.tsv"},
            "imdb", new String[] {"imdb.csv", "imdb.csv"},
            "rotten_tomatoes", new String[] {"rotten_tomatoes.jsonl", "rotten_tomatoes.jsonl"},
            "financial_phrasebank", new String[] {"financial_phrasebank.txt", "ffb_utf8.txt"});

    private static final String LAYOUT = "layout: sst2.tsv, imdb.csv, rotten_tomatoes.jsonl, financial_phrasebank.txt";

    @Test
    void eachCorpusIsNamedWhenMissingAndReadUnderItsDocumentedName(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, String[]> c : CORPORA.entrySet()) {
            String name = c.getKey();
            String file = c.getValue()[0];
            SentimentData.Source source = SentimentData.source(name);
            Path missing = dir.resolve(file);
            var e = assertThrows(IllegalArgumentException.class, () -> SentimentData.dataset(source, dir, 1, 0), name);
            assertTrue(e.getMessage().startsWith(missing + ": no such file; --datasets " + name + " reads " + file),
                    e.getMessage());
            assertTrue(e.getMessage().contains(LAYOUT), e.getMessage());

            Path fixture = Path.of(getClass().getResource("/data/" + c.getValue()[1]).toURI());
            Files.copy(fixture, missing);
            int rows = source.reader().apply(fixture).size();
            assertTrue(rows >= 2, name + ": fixture rows " + rows);
            assertEquals(rows, SentimentData.dataset(source, dir, 1, 0).size(), name + " read from " + file);
            assertEquals(file, SentimentData.identity(source, dir).get("file"), "records name the file, not a path");
        }
    }
}
