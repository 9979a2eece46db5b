package io.github.promptscope.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of a weights file, or of a model folder (every file's relative path and bytes, in name order). */
public final class FileHashes {

    private FileHashes() {
    }

    public static String sha256(Path fileOrFolder) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            if (Files.isDirectory(fileOrFolder)) {
                try (Stream<Path> s = Files.walk(fileOrFolder)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(fileOrFolder);
            }
            for (Path f : files) {
                String rel = Files.isDirectory(fileOrFolder) ? fileOrFolder.relativize(f).toString() : "";
                md.update(rel.replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0); // separates the name from the content
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                    in.transferTo(OutputStreamSink.INSTANCE);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(fileOrFolder + ": cannot hash: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Discards bytes; the digest stream sees them on the way. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
