package io.github.promptscope.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whole-file reads with the errors this package promises: the path is always in the message. */
public final class TextFiles {

    private TextFiles() {
    }

    /** Strict UTF-8: a byte that is not UTF-8 is an error naming the file, not a silent U+FFFD. */
    public static String utf8(Path path) {
        byte[] bytes = bytes(path);
        try {
            return decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw new DataException(path + ": not valid UTF-8 " + firstBadByte(bytes) + "; save the file as UTF-8", e);
        }
    }

    /** The file's bytes; a missing file, a folder or a read error is a message naming the path. */
    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataException(path + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new DataException(path + ": cannot be read (permissions)", e);
        } catch (IOException e) {
            if (Files.isDirectory(path)) {
                throw new DataException(path + ": is a folder; give the file itself", e);
            }
            throw new DataException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Where decoding fails, as a reader finds it: "at line 3 (byte 0xff at offset 41)". */
    private static String firstBadByte(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(bytes.length + 1), true);
        int at = r.isError() ? in.position() : bytes.length;
        int line = 1;
        for (int i = 0; i < at; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return at < bytes.length ? String.format("at line %d (byte 0x%02x at offset %d)", line, bytes[at] & 0xff, at)
                : "at its end (a character cut short)";
    }

    /**
     * UTF-8 if the bytes decode as UTF-8, else ISO-8859-1. Financial Phrasebank ships as latin-1,
     * later copies as UTF-8; a latin-1 file with accents is never valid UTF-8, so the guess is safe.
     */
    static String utf8OrLatin1(Path path) {
        byte[] bytes = bytes(path);
        try {
            return decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        String s = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
