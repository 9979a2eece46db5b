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
}
