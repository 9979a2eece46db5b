package io.github.promptscope.util;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * This process's memory as the OS and the JVM see it: resident set size from {@code /proc/self/status}
 * and, when the JVM runs with {@code -XX:NativeMemoryTracking=summary}, what the JVM itself has
 * committed (heap, metaspace, thread stacks, code, GC). Resident memory the JVM does not account for
 * belongs to native libraries: libtorch's allocator, the tokenizer, glibc's malloc arenas.
 */
public final class ProcessMemory {

    /**
     * One reading, in bytes; a part that cannot be read is -1. Committed is not resident: the JVM
     * commits heap it has not touched yet, so resident minus committed is only a lower bound of
     * what native libraries hold, and can be negative.
     */
    public record Reading(long residentBytes, long jvmCommittedBytes, long heapCommittedBytes) {}

    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern NMT_HEAP = Pattern.compile("Java Heap \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

    private ProcessMemory() {}

    public static Reading read() {
        String nmt = nativeMemorySummary();
        return new Reading(resident(), committedKb(NMT_TOTAL, nmt), committedKb(NMT_HEAP, nmt));
    }

    /** VmRSS of this process; -1 where there is no {@code /proc} (not Linux). */
    public static long resident() {
        try {
            Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc/self/status")));
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code jcmd <pid> VM.native_memory summary}, asked of this JVM; empty when tracking is off. */
    private static String nativeMemorySummary() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            return out == null ? "" : out.toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static long committedKb(Pattern p, String nmt) {
        Matcher m = p.matcher(nmt);
        return m.find() ? Long.parseLong(m.group(2)) * 1024 : -1;
    }
}
