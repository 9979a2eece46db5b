package io.github.promptscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes leave no temporary file; orphans of dead writers are removed, a live writer's never. */
class AtomicFilesTest {

    private static final String UUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static Set<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Path old(Path p) throws Exception {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(AtomicFiles.FOREIGN_ORPHAN_AGE).minus(Duration.ofMinutes(1))));
        return p;
    }

    @Test
    void writesLeaveOnlyTheFile(@TempDir Path dir) throws Exception {
        AtomicFiles.writeString(dir.resolve("a.json"), "{\"x\": 1}");
        AtomicFiles.writeString(dir.resolve("a.json"), "{\"x\": 2}");
        assertEquals(Set.of("a.json"), names(dir));
        assertEquals("{\"x\": 2}", Files.readString(dir.resolve("a.json")));
    }

    @Test
    void onlyTemporaryFilesOfGoneWritersAreRemoved(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = Processes.host().replaceAll("[^A-Za-z0-9_-]", "_");
        long self = ProcessHandle.current().pid();
        Path dead = Files.writeString(dir.resolve(".r1.json." + gone.pid() + "@" + host + "." + UUID + ".tmp"), "{");
        Files.writeString(dir.resolve(".r2.json." + self + "@" + host + "." + UUID + ".tmp"), "{"); // live: this JVM
        old(dir.resolve(".r2.json." + self + "@" + host + "." + UUID + ".tmp")); // age does not matter on this host
        Files.writeString(dir.resolve(".r3.json.77@other-node." + UUID + ".tmp"), "{"); // another host, fresh
        Path foreignOld = old(Files.writeString(dir.resolve(".r4.json.77@other-node." + UUID + ".tmp"), "{"));
        Path unstampedOld = old(Files.writeString(dir.resolve(".r5.json." + UUID + ".tmp"), "{"));
        Files.writeString(dir.resolve(".r6.json." + UUID + ".tmp"), "{"); // old form, fresh: maybe mid-write
        old(Files.writeString(dir.resolve("notes.tmp"), "mine")); // not a temporary file of ours

        List<Path> removed = AtomicFiles.removeOrphans(dir);

        assertEquals(new TreeSet<>(List.of(dead, foreignOld, unstampedOld)), new TreeSet<>(removed));
        assertEquals(new TreeSet<>(List.of(".r2.json." + self + "@" + host + "." + UUID + ".tmp",
                ".r3.json.77@other-node." + UUID + ".tmp", ".r6.json." + UUID + ".tmp", "notes.tmp")), names(dir));
        assertTrue(AtomicFiles.removeOrphans(dir.resolve("absent")).isEmpty());
    }
}
