package io.github.promptscope.data;

import static io.github.promptscope.data.Fixtures.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {

    @Test
    void sst2() {
        List<LabeledText> t = SentimentReaders.sst2(data("sst2.tsv"));
        assertEquals(3, t.size());
        assertEquals(new LabeledText("it 's a charming and often affecting journey . ", "positive"), t.get(0));
        assertEquals("negative", t.get(1).label());
        DataException bad = assertThrows(DataException.class, () -> SentimentReaders.sst2(data("sst2_bad_label.tsv")));
        assertTrue(bad.getMessage().endsWith("sst2_bad_label.tsv:3: label must be one of [0, 1], got \"7\"")
                || bad.getMessage().contains("sst2_bad_label.tsv:3: label must be one of"), bad.getMessage());
    }

    @Test
    void imdbQuotedFieldsWithCommasQuotesAndNewlines() {
        List<LabeledText> t = SentimentReaders.imdb(data("imdb.csv"));
        assertEquals(3, t.size());
        assertEquals("One of the best films I have seen, truly \"great\" work.<br /><br />Go see it.", t.get(0).text());
        assertEquals("Dull, slow\nand far too long.", t.get(1).text());
        assertEquals(new LabeledText("A simple unquoted review", "positive"), t.get(2));
    }

    @Test
    void imdbErrorsNameTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("imdb.csv");
        Files.writeString(f, "review,sentiment\n\"ok\",positive\n\"multi\nline\",negative\nbad,row,extra\n");
        DataException ex = assertThrows(DataException.class, () -> SentimentReaders.imdb(f));
        assertEquals(f + ":5: expected 2 fields, found 3", ex.getMessage());
    }

    @Test
    void rottenTomatoesAndFinancialPhrasebank() {
        List<LabeledText> rt = SentimentReaders.rottenTomatoes(data("rotten_tomatoes.jsonl"));
        assertEquals(new LabeledText("the rock is destined to be the 21st century's new \" conan \" .", "positive"), rt.get(0));
        assertEquals("negative", rt.get(1).label());
        List<LabeledText> utf8 = SentimentReaders.financialPhrasebank(data("ffb_utf8.txt"));
        assertEquals(new LabeledText("The company\u2019s profit rose 5 % .", "positive"), utf8.get(0));
        assertEquals(List.of("positive", "negative", "neutral"), utf8.stream().map(LabeledText::label).toList());
        List<LabeledText> latin1 = SentimentReaders.financialPhrasebank(data("ffb_latin1.txt"));
        assertEquals("Sales in Espo\u00f6 fell .", latin1.get(0).text());
    }

    @Test
    void sentimentDatasetLayout() {
        TaskInfo info = SentimentTasks.info("sst2", "fixture", false);
        Dataset d = SentimentTasks.dataset(info, SentimentReaders.sst2(data("sst2.tsv")), 2, 1.0);
        Example e = d.train().stream().filter(x -> x.input().contains("bleak")).findFirst().orElseThrow();
        assertEquals("Input: unflinchingly bleak and desperate  Output:", e.input());
        assertEquals(" negative\n", e.output());
        assertEquals("Input: unflinchingly bleak and desperate  Output: negative\n\n\n", e.text());
        assertTrue(d.keywords().matcher("Is this review positive?").find());
    }

    @Test
    void userJsonlJapanese() {
        Dataset d = UserDatasets.jsonl(data("user_ja.jsonl")).keywords("分類|果物").layout("language")
                .trainFraction(0.5).seed(3).read();
        assertEquals("user_ja", d.name());
        assertEquals("食べ物の分類を答える。", d.description());
        assertEquals(2, d.train().size());
        assertEquals(2, d.test().size());
        Example e = d.examples().stream().filter(x -> x.input().contains("りんご")).findFirst().orElseThrow();
        assertEquals("Input: りんご Answer:", e.input());
        assertEquals(" 果物\n\n", e.output());
        assertTrue(d.keywords().matcher("果物か野菜かを答える").find());
    }

    @Test
    void badJsonlIsNeverSilent() {
        Path bad = data("bad_json.jsonl");
        DataException ex = assertThrows(DataException.class, () -> UserDatasets.jsonl(bad).read());
        assertTrue(ex.getMessage().startsWith(bad + ":2: not valid JSON"), ex.getMessage());
        Path missing = data("missing_field.jsonl");
        ex = assertThrows(DataException.class, () -> UserDatasets.jsonl(missing).read());
        assertEquals(missing + ":3: field \"output\" missing", ex.getMessage());
        Path empty = data("empty.jsonl");
        ex = assertThrows(DataException.class, () -> UserDatasets.jsonl(empty).read());
        assertEquals(empty + ": no records (empty file)", ex.getMessage());
    }
}
