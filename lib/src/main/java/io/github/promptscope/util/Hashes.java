package io.github.promptscope.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one SHA-256 helper: record ids (text), weights (files in order), model folders (names and
 * bytes) and token streams all hash through here, so the same input always gets the same digest.
 */
public final class Hashes {

    private Hashes() {
    }

    /** Hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        MessageDigest md = digest();
        md.update(text.getBytes(StandardCharsets.UTF_8));
        return hex(md);
    }

    /** Hex SHA-256 of the files' bytes, concatenated in the given order (sharded weights). */
    public static String sha256OfFiles(List<Path> files) {
        MessageDigest md = digest();
        for (Path f : files) {
            update(md, f);
        }
        return hex(md);
    }

    /**
     * Hex SHA-256 of a file's bytes prefixed by an empty name, or of a folder: each regular file's
     * relative path (with '/'), a zero byte, then its bytes, in path order.
     */
    public static String sha256OfTree(Path fileOrFolder) {
        MessageDigest md = digest();
        boolean folder = Files.isDirectory(fileOrFolder);
        List<Path> files;
        if (folder) {
            try (Stream<Path> s = Files.walk(fileOrFolder)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(fileOrFolder + ": cannot list: " + e.getMessage(), e);
            }
        } else {
            files = List.of(fileOrFolder);
        }
        for (Path f : files) {
            String rel = folder ? fileOrFolder.relativize(f).toString().replace('\\', '/') : "";
            md.update(rel.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0); // separates the name from the content
            update(md, f);
        }
        return hex(md);
    }

    /** Hex SHA-256 of token streams as big-endian int64s, one after the other. */
    public static String sha256OfLongs(long[]... streams) {
        MessageDigest md = digest();
        for (long[] s : streams) {
            ByteBuffer buf = ByteBuffer.allocate(8 * s.length);
            buf.asLongBuffer().put(s);
            md.update(buf.array());
        }
        return hex(md);
    }

    private static void update(MessageDigest md, Path f) {
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": cannot hash: " + e.getMessage(), e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }
}
