package io.github.promptscope.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whole-file reads with the errors this package promises: the path is always in the message. */
final class TextFiles {

    private TextFiles() {
    }

    /** Strict UTF-8: a byte that is not UTF-8 is an error naming the file, not a silent U+FFFD. */
    static String utf8(Path path) {
        try {
            return decodeUtf8(Files.readAllBytes(path));
        } catch (CharacterCodingException e) {
            throw new DataException(path + ": not valid UTF-8 (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataException(path + ": cannot read: " + e, e);
        }
    }

    /**
     * UTF-8 if the bytes decode as UTF-8, else ISO-8859-1. Financial Phrasebank ships as latin-1,
     * later copies as UTF-8; a latin-1 file with accents is never valid UTF-8, so the guess is safe.
     */
    static String utf8OrLatin1(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataException(path + ": cannot read: " + e, e);
        }
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
