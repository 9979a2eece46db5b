package io.github.promptscope.results;

import io.github.promptscope.util.Hashes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {

    static RunConfig config(String dataset, long seed, Map<String, ?> params) {
        return RunConfig.of("iprompt", "iprompt", dataset, seed, "models/gpt2-tiny", "ab12", params);
    }

    @Test
    void idIsAStableHashOfCanonicalConfig() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("pop_size", 8);
        a.put("nested", Map.of("z", 1, "a", 2));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("nested", Map.of("a", 2, "z", 1));
        b.put("pop_size", 8);
        assertEquals(config("add_two", 1, a).id(), config("add_two", 1, b).id());
        assertEquals(16, config("add_two", 1, a).id().length());
        assertNotEquals(config("add_two", 1, a).id(), config("add_two", 2, a).id());
        assertNotEquals(config("add_two", 1, a).id(), config("add_two", 1, Map.of("pop_size", 4)).id());
        assertEquals("{\"dataset\":\"add_two\",\"method\":\"iprompt\",\"model\":\"models/gpt2-tiny\","
                + "\"params\":{\"nested\":{\"a\":2,\"z\":1},\"pop_size\":8},\"seed\":1,\"system\":\"iprompt\","
                + "\"weightsSha256\":\"ab12\"}", Json.canonical(config("add_two", 1, a)));
    }

    /**
     * The id of a fixed configuration, pinned as a literal (computed once with {@code sha256sum} over
     * the canonical text asserted below): a change of the canonical form, the hash or the id length
     * would orphan every saved run, and fails here. The parameters are inserted in unsorted order at
     * two depths, with a list (whose order is kept) and a double (written 1.0, not 1).
     */
    @Test
    void idOfAFixedConfigIsPinned() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", 2);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("temp", 1.0);
        params.put("shots", List.of(3, 1));
        params.put("pop_size", 8);
        params.put("nested", nested);
        RunConfig cfg = config("add_two", 1, params);
        assertEquals("{\"dataset\":\"add_two\",\"method\":\"iprompt\",\"model\":\"models/gpt2-tiny\","
                + "\"params\":{\"nested\":{\"a\":2,\"z\":1},\"pop_size\":8,\"shots\":[3,1],\"temp\":1.0},"
                + "\"seed\":1,\"system\":\"iprompt\",\"weightsSha256\":\"ab12\"}", Json.canonical(cfg));
        assertEquals("5292c9aa336be7de", cfg.id());
        // the same settings in another insertion order give the same literal
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("nested", Map.of("a", 2, "z", 1));
        reordered.put("pop_size", 8);
        reordered.put("shots", List.of(3, 1));
        reordered.put("temp", 1.0);
        assertEquals("5292c9aa336be7de", config("add_two", 1, reordered).id());
        // while a list's order, an int for a double or another seed are other runs
        reordered.put("shots", List.of(1, 3));
        assertNotEquals("5292c9aa336be7de", config("add_two", 1, reordered).id());
        params.put("temp", 1);
        assertNotEquals("5292c9aa336be7de", config("add_two", 1, params).id());
        params.put("temp", 1.0);
        assertNotEquals("5292c9aa336be7de", config("add_two", 2, params).id());
        // the record written for it is named by the literal, too
        RunRecord rec = RunRecord.done("math", cfg, List.of(), Map.of(), null);
        assertEquals("5292c9aa336be7de", rec.id());
    }

    @Test
    void sha256KnownAnswer() {
        // sha256sum of the 3 bytes "abc" (FIPS 180-2 test vector)
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Json.sha256("abc"));
    }

    @Test
    void writeReadRoundTripIsAtomicAndComplete(@TempDir Path dir) throws Exception {
        RecordStore store = new RecordStore(dir, "math");
        RunConfig cfg = config("add_two", 1, Map.of("pop_size", 8, "temp", 1.0));
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        RunRecord rec = RunRecord.done("math", cfg,
                List.of(new ScoredPrompt(" Add the inputs", 0.9, 0.12), ScoredPrompt.of(" Take the", 0.1)),
                Map.of("mrr", 1.0, "rank", 0.0, "nan_metric", Double.NaN),
                Provenance.capture(t0, t0.plusMillis(2500), 12345));
        Path written = store.write(rec);
        assertEquals(dir.resolve("math").resolve(cfg.id() + ".json"), written);
        try (var files = Files.list(dir.resolve("math"))) {
            assertEquals(List.of(written), files.toList(), "no temp file left behind");
        }
        RunRecord back = store.read(cfg.id()).orElseThrow();
        assertEquals(rec.config(), back.config());
        assertEquals(rec.prompts().get(0), back.prompts().get(0));
        assertTrue(Double.isNaN(back.prompts().get(1).loss()));
        assertEquals(1.0, back.metrics().get("mrr"));
        assertTrue(Double.isNaN(back.metrics().get("nan_metric")));
        assertEquals(2.5, back.provenance().wallSeconds(), 1e-9);
        assertEquals(12345, back.provenance().tokensScored());
        assertEquals(System.getProperty("os.arch"), back.provenance().arch());
        assertFalse(back.provenance().gitCommit().isBlank());
        assertTrue(store.isDone(cfg.id()));
        String json = Files.readString(written);
        assertTrue(json.contains("\"status\" : \"done\""), json);
    }

    /**
     * A store replaces only a record of the same configuration: another run's record under the id is
     * refused (and not taken as done), and left as it was; a damaged file is rerun and replaced.
     */
    @Test
    void aRecordOfAnotherConfigurationIsNeverReplaced(@TempDir Path dir) throws Exception {
        RecordStore store = new RecordStore(dir, "math");
        RunConfig mine = config("add_two", 1, Map.of("n", 20));
        RunConfig other = config("add_two", 1, Map.of("n", 60));
        Path otherFile = store.write(RunRecord.done("math", other, List.of(), Map.of(), null));
        store.write(RunRecord.done("math", mine, List.of(), Map.of("mrr", 0.5), null));
        store.write(RunRecord.done("math", mine, List.of(), Map.of("mrr", 1.0), null)); // its own: replaced
        assertEquals(1.0, store.read(mine.id()).orElseThrow().metrics().get("mrr"));
        assertTrue(store.isDone(mine));

        Files.copy(otherFile, store.path(mine.id()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] before = Files.readAllBytes(store.path(mine.id()));
        Exception e = assertThrows(IllegalStateException.class,
                () -> store.write(RunRecord.done("math", mine, List.of(), Map.of(), null)));
        assertTrue(e.getMessage().contains(store.path(mine.id()) + " holds the record of another run"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> store.isDone(mine));
        assertThrows(IllegalStateException.class, () -> store.checkWritable(mine));
        assertArrayEquals(before, Files.readAllBytes(store.path(mine.id())));

        // a damaged file (cut short, not JSON) is nobody's result: not done, and the rerun replaces it
        Files.writeString(store.path(mine.id()), "{\"id\": \"cut sho");
        assertFalse(store.isDone(mine));
        store.write(RunRecord.done("math", mine, List.of(), Map.of("mrr", 0.25), null));
        assertEquals(0.25, store.read(mine.id()).orElseThrow().metrics().get("mrr"));
    }

    /**
     * A record file holding JSON null (found by RunRecordFuzzTest: Jackson reads it as no record) is
     * damaged, like one cut short: read names the file, and a sweep runs the configuration again.
     */
    @Test
    void aFileHoldingJsonNullIsDamagedNotACrash(@TempDir Path dir) throws Exception {
        RecordStore store = new RecordStore(dir, "math");
        RunConfig cfg = config("add_two", 1, Map.of("n", 20));
        Files.createDirectories(store.dir());
        Files.writeString(store.path(cfg.id()), "null");
        var e = assertThrows(java.io.UncheckedIOException.class, () -> store.read(cfg.id()));
        assertTrue(e.getMessage().startsWith(store.path(cfg.id()) + ": not a run record"), e.getMessage());
        assertTrue(store.isDamaged(cfg.id()));
        assertFalse(store.isDone(cfg));
        store.write(RunRecord.done("math", cfg, List.of(), Map.of("mrr", 0.5), null));
        assertEquals(0.5, store.read(cfg.id()).orElseThrow().metrics().get("mrr"));
    }

    @Test
    void fileHashCoversNamesAndBytes(@TempDir Path dir) throws Exception {
        Path model = Files.createDirectories(dir.resolve("m"));
        Files.writeString(model.resolve("config.json"), "{}");
        Files.writeString(model.resolve("model.safetensors"), "weights");
        String h = Hashes.sha256OfTree(model);
        assertEquals(h, Hashes.sha256OfTree(model));
        Files.writeString(model.resolve("model.safetensors"), "weightz");
        assertNotEquals(h, Hashes.sha256OfTree(model));
        // a single file hashes to the plain sha256 of "" + NUL + bytes
        Path f = Files.writeString(dir.resolve("w.bin"), "abc");
        assertEquals(Json.sha256("\0abc"), Hashes.sha256OfTree(f));
    }
}
