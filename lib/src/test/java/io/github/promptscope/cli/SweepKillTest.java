package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL (by pid) at 10 random moments, then resumed to the end, loses and
 * duplicates nothing: one done, readable record per configuration, no temporary file, no claim. The
 * delays come from a fixed seed. Every other kill is timed from the process's start (start-up, model
 * loading); the others from its first or second claim of a run, so they land while searching, writing
 * a record or between runs however loaded the machine is.
 */
class SweepKillTest {

    private static final int SEEDS = 4; // x 2 tasks = 8 runs
    private static final int KILLS = 10;

    @Test
    void aSweepKilledTenTimesResumesWithNothingLostOrDuplicated(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("results");
        Random rng = new Random(18);
        int killed = 0;
        for (int k = 0; k < KILLS; k++) {
            Path log = tmp.resolve("kill-" + k + ".log");
            Process p = SweepProcesses.start(results, SEEDS, log);
            boolean fromARun = k % 2 == 0;
            int claims = 1 + rng.nextInt(2);
            long delayMs = fromARun ? rng.nextInt(2500) : rng.nextInt(4000);
            if (fromARun) {
                awaitClaims(results, p, claims);
            }
            if (!p.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
                Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start();
                int rc = kill.waitFor();
                p.waitFor();
                // the sweep may finish between the wait's timeout and the kill (kill then exits 1): not a kill
                assertTrue(rc == 0 || p.exitValue() == 0, "kill -KILL " + p.pid() + " exited " + rc + ", sweep " + p.exitValue());
                killed += rc == 0 ? 1 : 0;
            }
        }
        Path last = tmp.resolve("resume.log");
        Process resume = SweepProcesses.start(results, SEEDS, last);
        assertTrue(resume.waitFor(5, TimeUnit.MINUTES), "the resumed sweep did not finish");
        assertEquals(0, resume.exitValue(), Files.readString(last));
        SweepProcesses.Summary s = SweepProcesses.summary(last);
        System.out.println("killed " + killed + " times; the resumed sweep ran " + s.done() + " and skipped " + s.skipped()
                + " of " + 2 * SEEDS);
        assertTrue(killed >= KILLS / 2, "most processes should have been killed mid-sweep, were " + killed);
        assertEquals(2 * SEEDS, s.done() + s.skipped());
        assertTrue(s.skipped() > 0, "the killed processes should have recorded some runs before the resume");
        SweepProcesses.assertCompleteAndClean(results, SEEDS);
    }

    /**
     * Waits until {@code p} has claimed {@code n} runs (so with n = 2 its first record is written) or
     * has exited. A claim lasts a whole run, so polling sees every one.
     */
    private static void awaitClaims(Path results, Process p, int n) throws Exception {
        Path claims = results.resolve(SweepProcesses.EXPERIMENT).resolve(".claims");
        java.util.regex.Pattern mine = java.util.regex.Pattern.compile("\"pid\"\\s*:\\s*" + p.pid() + "\\b");
        java.util.Set<Path> seen = new java.util.HashSet<>();
        while (p.isAlive() && seen.size() < n) {
            if (Files.isDirectory(claims)) {
                try (Stream<Path> s = Files.list(claims)) {
                    s.filter(f -> mine.matcher(read(f)).find()).forEach(seen::add);
                }
            }
            Thread.sleep(20);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return ""; // released or being written: look again
        }
    }
}
