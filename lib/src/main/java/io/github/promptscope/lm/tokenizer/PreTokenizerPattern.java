package io.github.promptscope.lm.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How text is cut into pieces before BPE: GPT-2's regex with two changes.
 *
 * <ul>
 *   <li>Letters joined by an apostrophe or hyphen stay one piece ({@code don't}, {@code well-known}).
 *       GPT-2's regex cuts {@code don't} into {@code don} and {@code 't}, and no merge can cross a
 *       piece boundary, so such a word could never be one token.
 *   <li>Each digit is a piece of its own ({@code \p{N}} instead of {@code ' ?\p{N}+'}), so digits are
 *       single tokens by construction, not only because no merge happens to contain one.
 * </ul>
 *
 * <p>Hugging Face applies this with Oniguruma; {@link #split} uses {@code java.util.regex} only to
 * check that a word the builder is asked for fits in one piece.
 */
public final class PreTokenizerPattern {

    static final String REGEX =
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+(?:['’-]\\p{L}+)*|\\p{N}| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

    private static final Pattern PATTERN = Pattern.compile(REGEX, Pattern.UNICODE_CHARACTER_CLASS);

    private PreTokenizerPattern() {}

    /** The pieces of {@code text}; every character lands in exactly one piece. */
    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            pieces.add(m.group());
        }
        return pieces;
    }
}
