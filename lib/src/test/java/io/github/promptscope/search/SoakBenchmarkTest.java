package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.util.ProcessMemory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak benchmark's growth figure: a least-squares slope over the second half of the readings only. */
class SoakBenchmarkTest {

    private static SoakBenchmark.Sample at(int step, long rss) {
        return new SoakBenchmark.Sample(step, step, new ProcessMemory.Reading(rss, -1, -1));
    }

    @Test
    void slopeIgnoresTheWarmUpHalf() {
        List<SoakBenchmark.Sample> samples = new ArrayList<>();
        for (int step = 10; step <= 100; step += 10) {
            // steep warm-up, then 1,000 bytes per step with an alternating wobble of +-500 bytes
            long rss = step <= 50 ? step * 1_000_000L : 50_000_000L + (step - 50) * 1_000L + (step % 20 == 0 ? 500 : -500);
            samples.add(at(step, rss));
        }
        // the later half: steps 60..100, a wobble symmetric about the middle step (numpy.polyfit: 1000.0)
        assertEquals(1_000, SoakBenchmark.secondHalfSlope(samples), 1e-6);
        List<SoakBenchmark.Sample> flat = List.of(at(1, 7), at(2, 7), at(3, 7), at(4, 7));
        assertEquals(0, SoakBenchmark.secondHalfSlope(flat), 0);
    }

    @Test
    void residentMemoryIsReadOnLinux() {
        long rss = ProcessMemory.resident();
        assertTrue(rss > 10L << 20, "a JVM holds more than 10 MB resident: " + rss);
    }
}
