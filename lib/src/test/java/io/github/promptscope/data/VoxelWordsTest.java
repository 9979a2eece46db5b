package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoxelWordsTest {

    private static final List<String> NUMBERS = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "twenty", "hundred", "thousand");

    @Test
    void voxelPreferringNumberWordsYieldsNumberLists(@TempDir Path dir) throws Exception {
        // Synthetic voxel 1 responds ~3 to number words and ~0 to everything else; voxel 0 is noise.
        List<String> words = new ArrayList<>(LanguageTasks.words());
        words.addAll(NUMBERS);
        Random rng = new Random(5);
        List<String> lines = new ArrayList<>();
        for (String w : words) {
            double pref = NUMBERS.contains(w) ? 3 + rng.nextGaussian() * 0.1 : rng.nextGaussian() * 0.3;
            lines.add(rng.nextGaussian() + "," + pref);
        }
        Path wf = dir.resolve("words.txt");
        Path rf = dir.resolve("responses.csv");
        Files.write(wf, words);
        Files.write(rf, lines);

        VoxelWords voxel = VoxelWords.from(wf, rf).voxel(1).groundTruth("numbers", "number|numeral|count");
        assertEquals(new HashSet<>(NUMBERS), new HashSet<>(voxel.topWords()));
        Dataset d = voxel.read();
        assertEquals(15, d.size());
        for (Example e : d.examples()) {
            String[] in = e.input().split(" ");
            assertEquals(7, in.length);
            assertTrue(e.output().startsWith(" "));
            assertEquals(8, e.output().strip().split(" ").length);
            assertEquals(e.input() + e.output(), e.text());
            Set<String> all = new HashSet<>(List.of(e.text().split(" ")));
            assertEquals(new HashSet<>(NUMBERS), all);
        }
        assertEquals(15, new HashSet<>(d.examples()).size(), "15 distinct permutations");
    }

    @Test
    void misalignedFilesAreAnError(@TempDir Path dir) throws Exception {
        Path wf = Files.write(dir.resolve("w.txt"), List.of("a", "b"));
        Path rf = Files.write(dir.resolve("r.txt"), List.of("1.0"));
        DataException ex = assertThrows(DataException.class, () -> VoxelWords.from(wf, rf).topWords(1, 0));
        assertTrue(ex.getMessage().contains("inputWords"), ex.getMessage());
        ex = assertThrows(DataException.class, () -> VoxelWords.from(wf, rf).read());
        assertTrue(ex.getMessage().contains("1 response lines but"), ex.getMessage());
    }

    @Test
    void syntheticTableGivesTheSpecsLayout() {
        VoxelWords animals = VoxelWords.synthetic().voxel(1);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), animals.voxels());
        List<String> top = animals.topWords();
        assertEquals(List.of("dog", "cat", "horse", "cow", "lion", "tiger", "window", "elephant", "rabbit", "sheep",
                "goat", "bear", "song", "wolf", "monkey"), top);
        Dataset d = animals.read();
        assertEquals("The words are animals.", d.description());
        assertTrue(d.keywords().matcher(d.description()).find());
        assertEquals(15, d.size());
        assertEquals(15, d.train().size(), "every permutation is a training row");
        // seed 77, java.util.Random: the first permutation, literally
        assertEquals(new Example("cow bear wolf elephant monkey tiger horse",
                " window sheep cat lion goat rabbit dog song",
                "cow bear wolf elephant monkey tiger horse window sheep cat lion goat rabbit dog song"), d.train().get(0));
        for (Example e : d.examples()) {
            assertEquals(7, e.input().split(" ").length);
            assertTrue(e.output().startsWith(" ") && !e.output().startsWith("  "));
            assertEquals(8, e.output().substring(1).split(" ").length);
            assertEquals(e.input() + e.output(), e.text());
            assertEquals(new HashSet<>(top), new HashSet<>(List.of(e.text().split(" "))));
        }
        assertEquals(15, new HashSet<>(d.examples()).size(), "15 distinct permutations");
        assertEquals("The following list of words all belong to the same semantic category: ", VoxelWords.PREPREFIX);
        for (String v : animals.voxels()) {
            Dataset dv = VoxelWords.synthetic().voxel(Integer.parseInt(v)).read();
            assertTrue(dv.keywords().matcher(dv.description()).find(), v);
        }
    }

    @Test
    void malformedTablesNameFileAndLine(@TempDir Path dir) throws Exception {
        String fifteen = "a b c d e f g h i j k l m n o";
        Path cols = Files.writeString(dir.resolve("cols.tsv"), "# header\n0\t" + fifteen + "\n1\t" + fifteen + "\tonly three\n");
        DataException ex = assertThrows(DataException.class, () -> VoxelWords.table(cols).voxel(0).read());
        assertEquals(cols + ":3: expected 2 or 4 tab-separated columns (voxel, words [, description, regex]), found 3",
                ex.getMessage());
        Path shortRow = Files.writeString(dir.resolve("short.tsv"), "0\t" + fifteen + "\n7\ta b c d e\n");
        ex = assertThrows(DataException.class, () -> VoxelWords.table(shortRow).voxel(7).read());
        assertEquals(shortRow + ":2: voxel 7 has 5 words, need at least 15", ex.getMessage());
        ex = assertThrows(DataException.class, () -> VoxelWords.table(shortRow).voxel(3).read());
        assertEquals(shortRow + ": no voxel 3; voxels: 0, 7", ex.getMessage());
        Path twice = Files.writeString(dir.resolve("twice.tsv"), "0\t" + fifteen + "\n0\t" + fifteen + "\n");
        ex = assertThrows(DataException.class, () -> VoxelWords.table(twice).voxel(0).read());
        assertEquals(twice + ":2: voxel 0 listed twice", ex.getMessage());
        Path regex = Files.writeString(dir.resolve("re.tsv"), "0\t" + fifteen + "\tletters\t(oops\n");
        ex = assertThrows(DataException.class, () -> VoxelWords.table(regex).voxel(0).read());
        assertTrue(ex.getMessage().startsWith(regex + ":1: bad recovery regex \"(oops\""), ex.getMessage());
        Dataset ok = VoxelWords.table(shortRow).voxel(0).read();
        assertEquals("", ok.description(), "no category column: unknown ground truth");
    }
}
