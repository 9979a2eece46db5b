package io.github.promptscope.util;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One JSON value read from a file, where a file holding the literal {@code null} is damage. Jackson
 * returns no object for it, which callers used to pass on as a record until something dereferenced
 * it (found by fuzzing the run-record reader).
 */
public final class JsonFiles {

    private JsonFiles() {
    }

    public static <T> T read(ObjectMapper mapper, Path file, Class<T> type) throws IOException {
        return nonNull(mapper.readValue(file.toFile(), type), file, type.getSimpleName());
    }

    public static <T> T read(ObjectMapper mapper, Path file, TypeReference<T> type) throws IOException {
        return nonNull(mapper.readValue(file.toFile(), type), file, type.getType().getTypeName());
    }

    /** {@code json} read from inside {@code file} (a section of a binary file, say). */
    public static <T> T read(ObjectMapper mapper, byte[] json, Path file, Class<T> type) throws IOException {
        return nonNull(mapper.readValue(json, type), file, type.getSimpleName());
    }

    private static <T> T nonNull(T value, Path file, String what) throws IOException {
        if (value == null) {
            throw new IOException(file + ": holds JSON null, not a " + what);
        }
        return value;
    }
}
