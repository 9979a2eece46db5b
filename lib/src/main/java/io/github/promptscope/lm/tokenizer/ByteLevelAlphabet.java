package io.github.promptscope.lm.tokenizer;

import java.nio.charset.StandardCharsets;

/**
 * GPT-2's {@code bytes_to_unicode}: each of the 256 byte values as one printable character, so a
 * byte-level BPE can treat any UTF-8 text as a string and never needs an unknown token.
 *
 * <p>Printable Latin-1 bytes ({@code !..~}, {@code ¡..¬}, {@code ®..ÿ}) stand for themselves; the
 * other 68 bytes (controls, space, DEL, NBSP, soft hyphen) become U+0100 upwards in byte order,
 * which is why a space shows up as {@code Ġ} (U+0120) and a newline as {@code Ċ}.
 */
public final class ByteLevelAlphabet {

    private static final char[] CHAR_OF_BYTE = new char[256];

    static {
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            CHAR_OF_BYTE[b] = (char) (printable ? b : next++);
        }
    }

    private ByteLevelAlphabet() {}

    /** The character that stands for byte {@code b} (0..255). */
    static char charOf(int b) {
        return CHAR_OF_BYTE[b];
    }

    /** The UTF-8 bytes of {@code text}, one alphabet character per byte. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            out.append(CHAR_OF_BYTE[b & 0xFF]);
        }
        return out.toString();
    }
}
