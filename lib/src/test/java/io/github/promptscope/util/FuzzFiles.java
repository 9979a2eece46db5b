package io.github.promptscope.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Puts each fuzz input into the file a parser reads. The file is overwritten in place and then cut to
 * the input's length, not truncated to empty first as {@code Files.write} does: on ext4, rewriting a
 * file truncated to zero flushes it to disk when it is closed (the {@code auto_da_alloc} safeguard),
 * which cost 3 to 5 ms per input on the shared machine (2026-12-05) against 0.05 ms this way, and made
 * file-reading fuzz targets disk-bound. The parser sees the same bytes either way.
 */
public final class FuzzFiles {

    private FuzzFiles() {
    }

    /** Makes {@code file} hold exactly {@code bytes}, creating it if needed; returns {@code file}. */
    public static Path rewrite(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf, buf.position());
            }
            ch.truncate(bytes.length);
        }
        return file;
    }
}
