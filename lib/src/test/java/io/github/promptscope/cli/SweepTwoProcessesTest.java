package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code promptscope sweep} processes started together on one results folder run each
 * configuration once between them ({@code results.Claims}): their "runs done" add up to the sweep's
 * size, never more, and the folder holds one record per configuration.
 */
class SweepTwoProcessesTest {

    private static final int SEEDS = 6; // x 2 tasks = 12 runs

    @Test
    void twoSweepsOnOneFolderRunEachConfigurationOnce(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("results");
        Path logA = tmp.resolve("a.log");
        Path logB = tmp.resolve("b.log");
        Process a = SweepProcesses.start(results, SEEDS, logA);
        Process b = SweepProcesses.start(results, SEEDS, logB);
        assertTrue(a.waitFor(5, TimeUnit.MINUTES) && b.waitFor(5, TimeUnit.MINUTES), "sweeps did not finish");
        assertEquals(0, a.exitValue(), Files.readString(logA));
        assertEquals(0, b.exitValue(), Files.readString(logB));
        SweepProcesses.Summary sa = SweepProcesses.summary(logA);
        SweepProcesses.Summary sb = SweepProcesses.summary(logB);
        System.out.println("two processes: A ran " + sa.done() + ", B ran " + sb.done() + " of " + 2 * SEEDS);
        assertEquals(2 * SEEDS, sa.done() + sb.done(), "each configuration ran in exactly one of the two processes");
        SweepProcesses.assertCompleteAndClean(results, SEEDS);
    }
}
