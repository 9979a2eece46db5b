package io.github.promptscope.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** A results folder with damaged files: corrupt JSON is skipped and named, damaged records are rerun, text metrics are refused. */
class ResultsFolderTest {

    @TempDir
    Path dir;

    private static List<RunConfig> configs(int n) {
        List<RunConfig> out = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            out.add(RunConfig.of("iprompt", "suffix", s % 2 == 0 ? "add_two" : "max_two", s, "", "", Map.of()));
        }
        return out;
    }

    /** Each run's metric is its seed squared over 10, so the means below are known. */
    private static SweepReport sweep(RecordStore store, List<RunConfig> configs, AtomicInteger runs) {
        return SweepRunner.into(store).progressBar(false).run(configs, c -> {
            runs.incrementAndGet();
            return new RunOutput(List.of(), Map.of("reciprocal_rank", c.seed() * c.seed() / 10.0), 0);
        });
    }

    @Test
    void aCorruptJsonFileIsSkippedAndNamedNotFatal() throws Exception {
        RecordStore store = new RecordStore(dir, "math");
        sweep(store, configs(3), new AtomicInteger());
        Path corrupt = Files.writeString(store.dir().resolve("zz_notes.json"), "{\"id\": \"x\", \"experi");
        Results.Scan scan = Results.scan(store.dir());
        assertEquals(3, scan.runs().rowCount());
        assertEquals(1, scan.skipped().size());
        assertTrue(scan.skipped().get(0).startsWith(corrupt + ": not valid JSON"), scan.skipped().get(0));
        Table byDataset = Results.summarize(Results.load(store.dir()), "metrics.reciprocal_rank", "config.dataset");
        // max_two: seeds 1 and 3 -> (0.1 + 0.9) / 2 = 0.5; add_two: seed 2 -> 0.4
        Table sorted = byDataset.sortAscendingOn("config.dataset");
        assertEquals(List.of("add_two", "max_two"), sorted.stringColumn("config.dataset").asList());
        assertEquals(0.4, sorted.doubleColumn(1).get(0), 1e-12);
        assertEquals(0.5, sorted.doubleColumn(1).get(1), 1e-12);
    }

    /** Tablesaw's column names ignore case; such a record used to throw and lose the whole table (found by fuzzing). */
    @Test
    void aFieldDifferingOnlyInCaseIsSkippedAndNamed() throws Exception {
        RecordStore store = new RecordStore(dir, "math");
        sweep(store, configs(3), new AtomicInteger());
        // the last file read (files are read in name order), so the other two set the column's spelling
        RunConfig last = configs(3).stream().max(java.util.Comparator.comparing(RunConfig::id)).orElseThrow();
        Path odd = store.path(last.id());
        Files.writeString(odd, Files.readString(odd).replace("\"reciprocal_rank\"", "\"Reciprocal_Rank\""));
        Results.Scan scan = Results.scan(store.dir());
        assertEquals(2, scan.runs().rowCount());
        assertEquals(List.of(odd + ": field \"metrics.Reciprocal_Rank\" differs from \"metrics.reciprocal_rank\""
                + " only in case; table columns ignore case"), scan.skipped());
        // the metric is seed squared over 10: the mean of the two seeds left
        double expected = configs(3).stream().filter(c -> c != last && !c.id().equals(last.id()))
                .mapToDouble(c -> c.seed() * c.seed() / 10.0).average().orElseThrow();
        assertEquals(expected, scan.runs().doubleColumn("metrics.reciprocal_rank").mean(), 1e-12);
    }

    @Test
    void aDamagedRecordIsRunAgainAndOverwritten() throws Exception {
        RecordStore store = new RecordStore(dir, "math");
        List<RunConfig> configs = configs(4);
        AtomicInteger runs = new AtomicInteger();
        sweep(store, configs, runs);
        assertEquals(4, runs.get());
        String damagedId = configs.get(2).id();
        Path record = store.path(damagedId);
        byte[] whole = Files.readAllBytes(record);
        Files.write(record, java.util.Arrays.copyOf(whole, whole.length / 2)); // a copy cut short
        assertTrue(store.isDamaged(damagedId));
        assertFalse(store.isDone(damagedId));

        SweepReport again = sweep(store, configs, runs);
        assertEquals(5, runs.get(), "only the damaged configuration ran again");
        assertEquals(List.of(damagedId), again.damaged());
        assertEquals(3, again.skipped().size());
        assertEquals(0.9, store.read(damagedId).orElseThrow().metrics().get("reciprocal_rank"), 1e-12);
        assertFalse(store.isDamaged(damagedId));
    }

    @Test
    void aTextMetricIsAnErrorNamingTheRecordNotADroppedMean() throws Exception {
        RecordStore store = new RecordStore(dir, "math");
        List<RunConfig> configs = configs(3);
        sweep(store, configs, new AtomicInteger());
        String editedId = configs.get(1).id();
        ObjectNode rec = (ObjectNode) Json.MAPPER.readTree(store.path(editedId).toFile());
        ((ObjectNode) rec.get("metrics")).put("reciprocal_rank", "n/a");
        Json.MAPPER.writeValue(store.path(editedId).toFile(), rec);
        Table runs = Results.load(store.dir());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Results.summarize(runs, "metrics.reciprocal_rank", "config.dataset"));
        assertTrue(e.getMessage().contains("'metrics.reciprocal_rank'"), e.getMessage());
        assertTrue(e.getMessage().contains("record " + editedId + " holds \"n/a\""), e.getMessage());
    }

    @Test
    void aSweepRemovesTheTemporaryFileOfAKilledWriter() throws Exception {
        RecordStore store = new RecordStore(dir, "math");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = io.github.promptscope.util.Processes.host().replaceAll("[^A-Za-z0-9_-]", "_");
        Files.createDirectories(store.dir());
        Path orphan = Files.writeString(store.dir().resolve(".abc.json." + gone.pid() + "@" + host
                + ".0f8fad5b-d9cb-469f-a165-70867728950e.tmp"), "{\"half\": ");
        SweepReport r = sweep(store, configs(2), new AtomicInteger());
        assertEquals(List.of(orphan), r.orphans());
        assertFalse(Files.exists(orphan));
        assertEquals(2, r.done().size());
    }
}
