package io.github.promptscope.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claim before run: one winner per configuration, stale claims taken over, live ones respected. */
class ClaimsTest {

    @Test
    void manyThreadsClaimingOneIdGiveOneWinner(@TempDir Path dir) throws Exception {
        Claims claims = new Claims(dir, Claims.DEFAULT_STALE_AFTER);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Claims.Claim>>> fs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            fs.add(pool.submit(() -> {
                go.await();
                return claims.tryClaim("abc");
            }));
        }
        go.countDown();
        List<Claims.Claim> won = new ArrayList<>();
        for (var f : fs) {
            f.get().ifPresent(won::add);
        }
        pool.shutdown();
        assertEquals(1, won.size());
        assertTrue(claims.holder("abc").isPresent());
        won.get(0).close();
        assertFalse(Files.exists(claims.path("abc")), "closing releases the claim");
        assertTrue(claims.tryClaim("abc").isPresent(), "a released id can be claimed again");
    }

    @Test
    void aClaimOfAProcessThatIsGoneIsTakenOver(@TempDir Path dir) throws Exception {
        Claims claims = new Claims(dir, Claims.DEFAULT_STALE_AFTER);
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Files.createDirectories(dir);
        Files.writeString(claims.path("dead"), "{\"host\":\"" + host + "\",\"pid\":" + p.pid() + ",\"token\":\"t\"}");
        assertTrue(claims.holder("dead").isEmpty(), "a dead holder holds nothing");
        assertTrue(claims.tryClaim("dead").isPresent());
    }

    @Test
    void aClaimFromAnotherHostIsRespectedUntilItGoesQuiet(@TempDir Path dir) throws Exception {
        Claims claims = new Claims(dir, Duration.ofMinutes(5));
        Files.createDirectories(dir);
        Path lock = claims.path("remote");
        Files.writeString(lock, "{\"host\":\"some-other-node\",\"pid\":1,\"token\":\"t\"}");
        assertTrue(claims.tryClaim("remote").isEmpty(), "a fresh claim of another host is live");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofMinutes(6))));
        assertTrue(claims.tryClaim("remote").isPresent(), "untouched for longer than staleAfter: stale");
    }

    @Test
    void concurrentRunnersRunEachConfigurationOnce(@TempDir Path dir) throws Exception {
        RecordStore store = new RecordStore(dir, "race");
        List<RunConfig> configs = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            configs.add(RunConfig.of("iprompt", "suffix", "add_two", s, "", "", Map.of()));
        }
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        SweepRunner.Run run = c -> {
            runs.computeIfAbsent(c.id(), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(30);
            return new RunOutput(List.of(), Map.of("x", 1.0), 0);
        };
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<SweepReport>> fs = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            fs.add(pool.submit(() -> SweepRunner.into(store).parallelism(2).progressBar(false).run(configs, run)));
        }
        int ran = 0;
        for (var f : fs) {
            ran += f.get().ran().size();
        }
        pool.shutdown();
        assertEquals(12, ran, "every configuration ran in exactly one of the three runners");
        assertEquals(12, runs.size());
        runs.forEach((id, n) -> assertEquals(1, n.get(), id + " ran " + n.get() + " times"));
        for (RunConfig c : configs) {
            assertTrue(store.isDone(c.id()));
        }
        try (var s = Files.list(dir.resolve("race").resolve(".claims"))) {
            assertEquals(0, s.count(), "no claim left behind");
        }
    }
}
