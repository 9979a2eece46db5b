package io.github.promptscope.lm;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link NativeMemory} is for: pages freed inside a malloc arena stay resident until trimmed.
 * 64 MB of 64 KB chunks (below glibc's mmap threshold, so they live in an arena) are written, a small
 * chunk after them pins the arena's top, and all but that one are freed: resident memory keeps most of
 * the 64 MB until the trim, which returns it.
 */
@EnabledOnOs(OS.LINUX)
class NativeMemoryTest {

    private static long residentBytes() throws Exception {
        String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
        return Long.parseLong(statm[1]) * 4096;
    }

    @Test
    void aTrimReturnsTheFreedPagesOfAnArena() throws Exception {
        assertTrue(NativeMemory.enabled(), "glibc's malloc_trim was not found");
        int chunks = 1024;
        long size = 64 * 1024;
        long[] blocks = new long[chunks];
        for (int i = 0; i < chunks; i++) {
            blocks[i] = Native.malloc(size);
            new Pointer(blocks[i]).setMemory(0, size, (byte) 1);
        }
        long pin = Native.malloc(64);
        for (long b : blocks) {
            Native.free(b);
        }
        long freedButKept = residentBytes();
        Thread.sleep(NativeMemory.INTERVAL_MILLIS); // past the interval of any trim made before
        long before = NativeMemory.trims();
        NativeMemory.releaseFreed();
        long after = residentBytes();
        Native.free(pin);
        assertTrue(NativeMemory.trims() == before + 1, "no trim was made");
        long returned = freedButKept - after;
        System.out.printf("resident %.1f MB with 64 MB freed, %.1f MB after the trim (%.1f MB returned)%n",
                freedButKept / 1e6, after / 1e6, returned / 1e6);
        assertTrue(returned > 48_000_000L, "the trim returned only " + returned + " bytes of 64 MB freed");
    }
}
