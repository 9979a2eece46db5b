package io.github.promptscope.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a file through a temporary sibling and a rename: readers see the old file or the new.
 *
 * <p>The temporary file is named {@code .<name>.<pid>@<host>.<random>.tmp}, so that a process killed
 * mid-write leaves a file whose writer can be judged gone ({@link #removeOrphans}) without touching
 * the temporary file of a writer that is still running.
 */
public final class AtomicFiles {

    /**
     * A temporary file of a writer on another machine (a shared results folder on a cluster) cannot be
     * checked by pid; a write takes milliseconds, so one untouched this long has no writer.
     */
    public static final Duration FOREIGN_ORPHAN_AGE = Duration.ofMinutes(10);

    private static final Pattern TEMP = Pattern.compile("^\\..+\\.(\\d+)@([A-Za-z0-9_-]+)\\.[0-9a-f-]+\\.tmp$");
    /** The form before the pid was part of the name: {@code .<name>.<uuid>.tmp}. */
    private static final Pattern OLD_TEMP = Pattern.compile("^\\..+\\.[0-9a-f]{8}-[0-9a-f-]{27}\\.tmp$");

    private AtomicFiles() {}

    public static void writeString(Path file, String text) throws IOException {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void copy(Path from, Path to) throws IOException {
        writeBytes(to, Files.readAllBytes(from));
    }

    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // a sibling name, not createTempFile: that one is owner-only and the mode would survive the rename
        Path tmp = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "@" + hostTag()
                + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes the temporary files in {@code dir} (not below it) whose writer is gone: a process of
     * this machine that no longer runs, or, for another machine's (or an old unstamped name), one not
     * modified for {@link #FOREIGN_ORPHAN_AGE}. A live writer's temporary file is never deleted.
     *
     * @return the files deleted
     */
    public static List<Path> removeOrphans(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        List<Path> temps;
        try (Stream<Path> s = Files.list(dir)) {
            temps = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
        for (Path p : temps) {
            if (isOrphan(p)) {
                Files.deleteIfExists(p);
                removed.add(p);
            }
        }
        return removed;
    }

    private static boolean isOrphan(Path p) throws IOException {
        String name = p.getFileName().toString();
        Matcher m = TEMP.matcher(name);
        if (m.matches() && m.group(2).equals(hostTag())) {
            return !Processes.isAliveHere(Long.parseLong(m.group(1)));
        }
        if (m.matches() || OLD_TEMP.matcher(name).matches()) {
            try {
                Instant modified = Files.getLastModifiedTime(p).toInstant();
                return Duration.between(modified, Instant.now()).compareTo(FOREIGN_ORPHAN_AGE) > 0;
            } catch (java.nio.file.NoSuchFileException e) {
                return false; // renamed into place meanwhile
            }
        }
        return false; // not a temporary file of ours
    }

    /** The host name with every character a file name or the pattern could trip on replaced. */
    private static String hostTag() {
        return Processes.host().replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
