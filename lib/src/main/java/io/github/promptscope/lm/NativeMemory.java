package io.github.promptscope.lm;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands memory that libtorch has freed back to the operating system. glibc keeps the pages of freed
 * chunks inside its malloc arenas; in a long search the activations of passes of varying shapes
 * leave the arenas fragmented, so resident memory crept up by 16 MB in the secondary arenas between
 * minutes 5 and 30 of a soak (README, "Benchmark": the breakdown at 5 and 30 minutes) although
 * nothing live grew. {@code malloc_trim(0)} returns every whole free page of every arena.
 *
 * <p>Called after each scoring or generation pass has closed its tensors, at most once per
 * {@link #INTERVAL_MILLIS}, so its cost (walking the arenas; the next pass faults the pages back in)
 * stays small against passes of tens of milliseconds. Pages only: no value changes. Off with
 * {@code -Dpromptscope.mallocTrim=false}, and a no-op where the C library has no {@code malloc_trim}
 * (not glibc).
 */
public final class NativeMemory {

    /** The fewest milliseconds between two trims. */
    static final long INTERVAL_MILLIS = 10_000;

    private interface GlibcMalloc extends Library {
        int malloc_trim(long pad);
    }

    private static final GlibcMalloc GLIBC = load();
    private static final AtomicLong LAST = new AtomicLong();
    private static final AtomicLong TRIMS = new AtomicLong();

    private NativeMemory() {}

    private static GlibcMalloc load() {
        if (!Boolean.parseBoolean(System.getProperty("promptscope.mallocTrim", "true"))
                || !System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return null;
        }
        try {
            GlibcMalloc c = Native.load("c", GlibcMalloc.class);
            c.malloc_trim(0); // resolves the symbol now: a C library without it fails here, not mid-search
            return c;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** Trims the malloc arenas unless that was done less than {@link #INTERVAL_MILLIS} ago. */
    public static void releaseFreed() {
        if (GLIBC == null) {
            return;
        }
        long now = System.currentTimeMillis();
        long last = LAST.get();
        if (now - last >= INTERVAL_MILLIS && LAST.compareAndSet(last, now)) {
            GLIBC.malloc_trim(0);
            TRIMS.incrementAndGet();
        }
    }

    /** Whether trimming is on in this process (glibc found and not switched off). */
    public static boolean enabled() {
        return GLIBC != null;
    }

    /** How many trims this process has made. */
    public static long trims() {
        return TRIMS.get();
    }
}
