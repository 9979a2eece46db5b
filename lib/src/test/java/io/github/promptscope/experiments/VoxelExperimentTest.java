package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.DataException;
import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Example;
import io.github.promptscope.data.VoxelWords;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.Recovery;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.search.IPromptConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The voxel experiment: the paper's rows from a table, ids that follow the table, resume, the recovery table. */
class VoxelExperimentTest {

    private static final String COLOURS = "red blue green yellow orange purple pink brown black white violet grey crimson"
            + " scarlet teal maroon";
    private static final String ANIMALS = "dog cat horse cow lion tiger elephant rabbit sheep goat bear wolf monkey"
            + " zebra giraffe deer";

    /** Voxel 0's regex matches any prompt (rank 0), voxel 1's none (not found): the recovery answers are known. */
    private static Path table(Path dir, String animals, String animalsRegex) throws Exception {
        Path t = dir.resolve("my_voxels.tsv");
        Files.writeString(t, "# a user's table\n0\t" + COLOURS + "\tThe words are colours.\t.\n"
                + "1\t" + animals + "\tThe words are animals.\t" + animalsRegex + "\n");
        return t;
    }

    @Test
    void eachVoxelGivesTheFifteenPermutationsOfItsTopFifteenWords(@TempDir Path dir) throws Exception {
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            VoxelExperiment exp = VoxelExperiment.of(lm).table(table(dir, ANIMALS, "zzqq"));
            Dataset d = exp.dataset(1);
            Set<String> top = new HashSet<>(Arrays.asList(ANIMALS.split(" ")).subList(0, 15));
            assertEquals(15, d.train().size(), "all 15 permutations are searched");
            assertEquals(0, d.test().size());
            Set<String> orders = new HashSet<>();
            for (Example x : d.train()) {
                List<String> in = List.of(x.input().split(" "));
                assertTrue(x.output().startsWith(" "), x.output());
                List<String> out = List.of(x.output().substring(1).split(" "));
                assertEquals(7, in.size(), x.input());
                assertEquals(8, out.size(), x.output());
                List<String> all = new ArrayList<>(in);
                all.addAll(out);
                assertEquals(top, new HashSet<>(all), "a permutation of the top 15 (deer, the 16th, is out)");
                orders.add(x.input() + x.output());
            }
            assertEquals(15, orders.size(), "15 different orders");
            assertEquals("The words are animals.", d.description());
            assertEquals(VoxelWords.PREPREFIX, exp.search(1).preprefix());
            assertEquals(List.of(0, 1), exp.voxelIds());
        }
    }

    @Test
    void aRecordIdChangesWithItsVoxelsLineOnly(@TempDir Path dir) throws Exception {
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            List<RunConfig> before = VoxelExperiment.of(lm).table(table(dir, ANIMALS, "zzqq")).seeds(1).configs();
            String swapped = ANIMALS.replace("wolf", "fox");
            List<RunConfig> words = VoxelExperiment.of(lm).table(table(dir, swapped, "zzqq")).seeds(1).configs();
            List<RunConfig> regex = VoxelExperiment.of(lm).table(table(dir, ANIMALS, "animal")).seeds(1).configs();
            assertEquals(before.get(0).id(), words.get(0).id(), "voxel 0's line is unchanged");
            assertNotEquals(before.get(1).id(), words.get(1).id(), "voxel 1's words changed");
            assertNotEquals(before.get(1).id(), regex.get(1).id(), "voxel 1's regex changed");
            assertEquals(before.get(0).id(), regex.get(0).id());
            assertEquals("my_voxels.tsv", before.get(0).params().path("data").path("table").asText(),
                    "the file's name, not a local path");
            assertEquals(2, VoxelExperiment.of(lm).table(table(dir, ANIMALS, "zzqq")).seeds(1, 2).voxels(1).configs().size());
            // the prompt length is searched as asked, and is part of the id (6 and 10 tokens are two runs)
            List<RunConfig> ten = VoxelExperiment.of(lm).table(table(dir, ANIMALS, "zzqq")).seeds(1).tokens(10).configs();
            assertEquals(6, before.get(0).params().path("search").path("numLearnedTokens").asInt());
            assertEquals(10, ten.get(0).params().path("search").path("numLearnedTokens").asInt());
            assertNotEquals(before.get(0).id(), ten.get(0).id());
            assertThrows(IllegalArgumentException.class, () -> VoxelExperiment.of(lm).tokens(0));
        }
    }

    @Test
    void aTinyRunWritesOneRecordPerVoxelAndSeedAndResumes(@TempDir Path dir) throws Exception {
        System.setProperty("promptscope.progress", "off");
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            Path t = table(dir, ANIMALS, "zzqq");
            RecordStore store = new RecordStore(dir, "voxels");
            // a small search (16 rows, 2 tokens): the final reranking of the quick preset's 256 rows takes minutes
            IPromptConfig small = IPromptConfig.quick().toBuilder().numLearnedTokens(2).maxNDatapoints(16).build();
            SweepReport first = VoxelExperiment.of(lm).table(t).preset(small).voxels(0).seeds(1).steps(1).run(store, false);
            assertEquals(1, first.done().size());
            SweepReport both = VoxelExperiment.of(lm).table(t).preset(small).voxels(0, 1).seeds(1).steps(1)
                    .run(store, false);
            assertEquals(1, both.skipped().size(), "voxel 0 was done");
            assertEquals(1, both.ran().size(), "only voxel 1 runs");
            assertEquals(0, VoxelExperiment.of(lm).table(t).preset(small).seeds(1).steps(1).run(store, false).ran().size());

            for (RunConfig c : VoxelExperiment.of(lm).table(t).preset(small).seeds(1).steps(1).configs()) {
                RunRecord r = store.read(c.id()).orElseThrow();
                assertTrue(r.prompts().size() > 1, "ranked prompts are kept");
                long expected = c.dataset().equals("voxel_0") ? 0 : Recovery.NOT_FOUND;
                assertEquals(expected, r.metrics().get("rank"), 0.0, c.dataset());
                assertTrue(r.prompts().get(0).prompt().length() > 0);
            }
            Table runs = Results.load(store.dir());
            Table byVoxel = VoxelTables.byVoxel(runs);
            assertEquals(List.of(0, 1), byVoxel.intColumn("voxel").asList());
            assertEquals(List.of(1.0, 1.0 / (Recovery.NOT_FOUND + 1)), byVoxel.doubleColumn("MRR").asList());
            assertEquals(List.of("0", "none"), byVoxel.stringColumn("rank per seed").asList());
            assertEquals("The words are colours.", byVoxel.stringColumn("category").get(0));
            Table summary = VoxelTables.summary(runs);
            assertEquals(0.5, summary.doubleColumn("MRR").get(0), 1e-9);
            assertEquals(0.5, summary.doubleColumn("top-1 correct").get(0), 0.0);
            assertEquals(VoxelTables.PAPER, summary.stringColumn("paper").get(0));
        }
    }

    @Test
    void aMalformedTableOrAnUnknownVoxelIsNamed(@TempDir Path dir) throws Exception {
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            Path bad = dir.resolve("bad.tsv");
            Files.writeString(bad, "0\t" + COLOURS + "\n1\t" + ANIMALS + "\tanimals\n");
            var e = assertThrows(DataException.class, () -> VoxelExperiment.of(lm).table(bad).configs());
            assertTrue(e.getMessage().startsWith(bad + ":2: expected 2 or 4 tab-separated columns"), e.getMessage());
            var unknown = assertThrows(IllegalArgumentException.class,
                    () -> VoxelExperiment.of(lm).voxels(3, 12).configs());
            assertTrue(unknown.getMessage().startsWith("--voxels: data_utils/voxel_words.tsv has no voxel 12"),
                    unknown.getMessage());
            assertEquals(10, VoxelExperiment.of(lm).voxelIds().size(), "the synthetic table's 10 voxels");
        }
    }
}
