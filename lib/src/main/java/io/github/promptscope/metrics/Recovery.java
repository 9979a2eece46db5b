package io.github.promptscope.metrics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Explanation recovery (iPrompt spec section 4): does a prompt name the task, and how far down a
 * ranked list is the first prompt that does.
 */
public final class Recovery {

    /** The rank the paper assigns when no prompt passes; RR is then 1/(1e10+1), not 0. */
    public static final long NOT_FOUND = 10_000_000_000L;

    private Recovery() {
    }

    /** Python's {@code re.compile(regex, re.IGNORECASE).search(prompt)}: any substring match. */
    public static boolean matches(String prompt, Pattern keywords) {
        return keywords.matcher(prompt).find();
    }

    public static boolean matches(String prompt, String keywordRegex) {
        return matches(prompt, Pattern.compile(keywordRegex, Pattern.CASE_INSENSITIVE));
    }

    /** 0-based index of the first passing prompt, or {@link #NOT_FOUND}. */
    public static long rank(List<String> rankedPrompts, Pattern keywords) {
        for (int i = 0; i < rankedPrompts.size(); i++) {
            if (matches(rankedPrompts.get(i), keywords)) {
                return i;
            }
        }
        return NOT_FOUND;
    }

    /** RR = 1 / (rank + 1). */
    public static double reciprocalRank(long rank) {
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be >= 0, got " + rank);
        }
        return 1.0 / (rank + 1.0);
    }
}
