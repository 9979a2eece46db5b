package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.lm.DefaultModel;
import io.github.promptscope.util.Hashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code voxels} through the real entry point: --voxels ranges, and bad input named in the user's words. */
class VoxelsCommandTest {

    @BeforeAll
    static void quiet() {
        System.setProperty("promptscope.progress", "off");
    }

    @Test
    void voxelIdsAreListsAndRanges() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, VoxelsCommand.ids("0-9"));
        assertArrayEquals(new int[] {7, 0, 3, 4, 5}, VoxelsCommand.ids("7, 0,3-5"));
        var e = assertThrows(IllegalArgumentException.class, () -> VoxelsCommand.ids("0-x"));
        assertTrue(e.getMessage().startsWith("--voxels: \"0-x\""), e.getMessage());
        var back = assertThrows(IllegalArgumentException.class, () -> VoxelsCommand.ids("5-2"));
        assertTrue(back.getMessage().contains("ends before it starts"), back.getMessage());
    }

    @Test
    void aMalformedTableIsNamedByFileAndLineAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path table = tmp.resolve("voxels.tsv");
        Files.writeString(table, "# voxel, words\n0\tred blue green\textra\n");
        Path out = tmp.resolve("voxels");
        CommandsTest.Run r = CommandsTest.run("voxels", "--table", table.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(table + ":2: expected 2 or 4 tab-separated columns"), r.err());
        assertTrue(!Files.exists(out), "nothing runs on a malformed table");
    }

    @Test
    void anUnknownVoxelIsNamedWithTheTablesVoxels(@TempDir Path tmp) {
        CommandsTest.Run r = CommandsTest.run("voxels", "--voxels", "2,10", "--out", tmp.resolve("v").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--voxels: data_utils/voxel_words.tsv has no voxel 10; its voxels: 0, 1, 2"), r.err());
    }

    /** Without --model the runs use models/voxels (the default model reads no word lists); the record names it. */
    @Test
    void withoutAModelTheVoxelsModelSearches(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("v");
        CommandsTest.Run r = CommandsTest.run("voxels", "--voxels", "1", "--seeds", "1", "--steps", "1",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<Path> records;
        try (var files = Files.list(out)) {
            records = files.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertEquals(1, records.size());
        JsonNode config = new ObjectMapper().readTree(records.get(0).toFile()).get("config");
        assertEquals("voxel_1", config.get("dataset").asText());
        assertEquals(Hashes.sha256OfFiles(List.of(DefaultModel.locate(VoxelsCommand.VOXELS_MODEL)
                .resolve("model.safetensors"))), config.get("weightsSha256").asText());
    }
}
