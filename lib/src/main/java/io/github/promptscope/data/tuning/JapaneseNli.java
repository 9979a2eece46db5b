package io.github.promptscope.data.tuning;

import java.util.Map;

/**
 * The JSNLI layout of spec B4, shared by the JSNLI reader and the toy-ja stand-in: the query is the
 * two sentences, each with one final 。 ({@code s1.rstrip(。) + 。 + s2.rstrip(。) + 。}), and the
 * labels are 正 (entailment), 誤 (contradiction) and 中間 (neutral).
 */
final class JapaneseNli {

    static final String ENTAILMENT = "正";
    static final String CONTRADICTION = "誤";
    static final String NEUTRAL = "中間";

    /** JSNLI's English label column to the Japanese answer. */
    static final Map<String, String> LABELS = Map.of(
            "entailment", ENTAILMENT, "contradiction", CONTRADICTION, "neutral", NEUTRAL);

    private JapaneseNli() {}

    static String query(String premise, String hypothesis) {
        return stripFullStops(premise) + "。" + stripFullStops(hypothesis) + "。";
    }

    /** Python's {@code s.rstrip("。")}: every trailing 。 removed. */
    static String stripFullStops(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '。') {
            end--;
        }
        return s.substring(0, end);
    }

    static String label(NliDraw.Label label) {
        return switch (label) {
            case ENTAILMENT -> ENTAILMENT;
            case CONTRADICTION -> CONTRADICTION;
            case NEUTRAL -> NEUTRAL;
        };
    }
}
