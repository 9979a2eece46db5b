package io.github.promptscope.data.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published-dataset readers (spec B4) on small files in the documented layout. */
class JapaneseDatasetsTest {

    @TempDir
    Path dir;

    private Path write(String relative, String... lines) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    private void writeSplits(String task, String suffix, String... lines) throws IOException {
        for (String split : List.of("train", "dev", "test")) {
            write(task + "/" + split + suffix, lines);
        }
    }

    @Test
    void rcqaConcatenatesContextAndQuestionAndDropsUnanswerableItems() throws IOException {
        writeSplits("rcqa", "-v1.0.json",
                "{\"id\": 1, \"context\": \"太郎は東京に住んでいる。\", \"question\": \"太郎はどこに住んでいる?\", \"answer\": \"東京\"}",
                "{\"id\": 2, \"context\": \"花子は猫を飼う。\", \"question\": \"花子の犬の名前は?\", \"answer\": \"\"}",
                "{\"id\": 3, \"context\": \"a\", \"question\": \"b\", \"answer\": \"c\", \"answerable\": false}");
        TuningTask t = JapaneseDatasets.fromFolder("rcqa", dir, 0);
        assertEquals(List.of(new TuningExample("太郎は東京に住んでいる。太郎はどこに住んでいる?", "東京")), t.test());
        assertEquals("読解問題:", t.promptBefore());
        assertEquals("答えなさい:", t.promptBetween());
        assertTrue(t.japanese());
    }

    @Test
    void jsnliUsesColumnsOneToThreeAndTheJapaneseLabels() throws IOException {
        writeSplits("jsnli", ".tsv",
                "0\tentailment\t男性が歩いている。\t人が歩いている。",
                "1\tcontradiction\t男性が歩いている。。\t男性が寝ている",
                "2\tneutral\t男性が歩いている\t男性が急いでいる。");
        TuningTask t = JapaneseDatasets.fromFolder("jsnli", dir, 0);
        assertEquals(List.of(new TuningExample("男性が歩いている。人が歩いている。", "正"),
                new TuningExample("男性が歩いている。男性が寝ている。", "誤"),
                new TuningExample("男性が歩いている。男性が急いでいる。", "中間")), t.train());
        assertEquals("2文:", t.promptBefore());
    }

    @Test
    void livedoorMapsTheNineLabelsAndSamples400TrainRowsWithTheSeed() throws IOException {
        List<String> lines = IntStream.range(0, 450)
                .mapToObj(i -> "{\"index\": " + i + ", \"text\": \"記事" + i + "\", \"label\": \"" + (i % 9) + "\"}")
                .toList();
        writeSplits("livedoor", ".jsonl", lines.toArray(String[]::new));
        TuningTask t = JapaneseDatasets.fromFolder("livedoor", dir, 7);
        assertEquals(400, t.train().size());
        assertEquals(450, t.dev().size(), "fewer than 1000: every row");
        assertEquals(new TuningExample("記事0", "独女通信"), t.dev().get(0));
        assertEquals(new TuningExample("記事8", "トピックニュース"), t.dev().get(8));
        assertEquals(new TuningExample("記事3", "livedoor HOMME"), t.dev().get(3));
        assertEquals(400, new HashSet<>(t.train()).size(), "sampled without replacement");
        assertEquals(t, JapaneseDatasets.fromFolder("livedoor", dir, 7));
        assertNotEquals(t.train(), JapaneseDatasets.fromFolder("livedoor", dir, 8).train());
    }

    @Test
    void xlsumReadsTextAndSummaryAndIsScoredByRouge() throws IOException {
        writeSplits("xlsum", ".jsonl", "{\"id\": \"a\", \"url\": \"u\", \"title\": \"t\", \"summary\": \"要約\", \"text\": \"本文\"}");
        TuningTask t = JapaneseDatasets.fromFolder("xlsum", dir, 0);
        assertEquals(List.of(new TuningExample("本文", "要約")), t.dev());
        assertTrue(t.scoredByRouge());
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        write("xlsum/train.jsonl", "{\"summary\": \"s\", \"text\": \"t\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JapaneseDatasets.fromFolder("xlsum", dir, 0));
        assertTrue(e.getMessage().contains(dir.resolve("xlsum/dev.jsonl").toString()), e.getMessage());
    }

    @Test
    void malformedLinesNameFileAndLine() throws IOException {
        Path tsv = write("jsnli/train.tsv", "0\tentailment\ta\tb", "1\tneutral\tonly three");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JapaneseDatasets.jsnli(tsv));
        assertTrue(e.getMessage().startsWith(tsv + ":2:"), e.getMessage());

        Path badLabel = write("jsnli/dev.tsv", "0\tmaybe\ta\tb");
        e = assertThrows(IllegalArgumentException.class, () -> JapaneseDatasets.jsnli(badLabel));
        assertTrue(e.getMessage().startsWith(badLabel + ":1:") && e.getMessage().contains("maybe"), e.getMessage());

        Path livedoor = write("livedoor/train.jsonl", "{\"text\": \"a\", \"label\": \"1\"}", "",
                "{\"text\": \"b\", \"label\": \"9\"}");
        e = assertThrows(IllegalArgumentException.class, () -> JapaneseDatasets.livedoor(livedoor));
        assertTrue(e.getMessage().startsWith(livedoor + ":3:") && e.getMessage().contains("label"), e.getMessage());

        Path rcqa = write("rcqa/train-v1.0.json", "{\"context\": \"c\", \"question\": \"q\", \"answer\": \"a\"}", "{oops");
        e = assertThrows(IllegalArgumentException.class, () -> JapaneseDatasets.rcqa(rcqa));
        assertTrue(e.getMessage().startsWith(rcqa + ":2:"), e.getMessage());

        Path noSummary = write("xlsum/test.jsonl", "{\"text\": \"t\"}");
        e = assertThrows(IllegalArgumentException.class, () -> JapaneseDatasets.xlsum(noSummary));
        assertTrue(e.getMessage().startsWith(noSummary + ":1:") && e.getMessage().contains("summary"), e.getMessage());
    }

    @Test
    void theRegistryReadsTheFolderNamedBySystemPropertyOrSaysHowToSetIt() throws IOException {
        writeSplits("jsnli", ".tsv", "0\tentailment\ta\tb");
        String before = System.getProperty(JapaneseDatasets.DIR_PROPERTY);
        try {
            System.setProperty(JapaneseDatasets.DIR_PROPERTY, dir.toString());
            assertEquals(List.of(new TuningExample("a。b。", "正")), TuningTasks.named("jsnli", 0).test());
            System.clearProperty(JapaneseDatasets.DIR_PROPERTY);
            if (System.getenv(JapaneseDatasets.DIR_ENV) == null) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> TuningTasks.named("jsnli", 0));
                assertTrue(e.getMessage().contains("PROMPTSCOPE_TUNING_DATA"), e.getMessage());
            }
        } finally {
            if (before == null) {
                System.clearProperty(JapaneseDatasets.DIR_PROPERTY);
            } else {
                System.setProperty(JapaneseDatasets.DIR_PROPERTY, before);
            }
        }
        assertEquals(List.of("toy-rcqa", "toy-nli", "toy-topic", "toy-summary", "toy-ja", "rcqa", "jsnli", "livedoor",
                "xlsum"), TuningTasks.names());
        assertEquals(9, JapaneseDatasets.LIVEDOOR_NAMES.size());
    }
}
