package io.github.promptscope.metrics;

import static io.github.promptscope.metrics.Tokenization.CHARACTERS;
import static io.github.promptscope.metrics.Tokenization.WHITESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Reference values: google-research rouge/rouge_scorer.py (_create_ngrams, _score_ngrams, _score_lcs,
 * scoring.fmeasure; the code of pip rouge-score) run with python 3 on the same pre-split tokens
 * (str.split() or one token per non-space character), printed as (precision, recall, fmeasure).
 */
class RougeTest {

    private static void check(RougeScore s, double p, double r, double f) {
        assertEquals(p, s.precision(), 1e-12);
        assertEquals(r, s.recall(), 1e-12);
        assertEquals(f, s.fmeasure(), 1e-12);
    }

    @Test
    void englishWhitespaceTokens() {
        String ref = "the cat sat on the mat";
        String cand = "the cat lay on the red mat";
        check(Rouge.rougeN(ref, cand, 1, WHITESPACE), 0.7142857142857143, 0.83333333333333337, 0.76923076923076916);
        check(Rouge.rougeN(ref, cand, 2, WHITESPACE), 0.33333333333333331, 0.40000000000000002, 0.36363636363636359);
        check(Rouge.rougeL(ref, cand, WHITESPACE), 0.7142857142857143, 0.83333333333333337, 0.76923076923076916);
        check(Rouge.rougeN("police killed the gunman", "the gunman killed police", 2, WHITESPACE),
                1.0 / 3, 1.0 / 3, 1.0 / 3);
        check(Rouge.rougeL("police killed the gunman", "the gunman killed police", WHITESPACE), 0.5, 0.5, 0.5);
        check(Rouge.rougeL("a b c d e f", "x y z", WHITESPACE), 0, 0, 0);
    }

    @Test
    void japaneseCharacterTokens() {
        check(Rouge.rougeN("東京は日本の首都です", "日本の首都は東京です", 1, CHARACTERS), 1, 1, 1);
        check(Rouge.rougeN("東京は日本の首都です", "日本の首都は東京です", 2, CHARACTERS),
                0.66666666666666663, 0.66666666666666663, 0.66666666666666663);
        check(Rouge.rougeL("東京は日本の首都です", "日本の首都は東京です", CHARACTERS), 0.7, 0.7, 0.7);
        check(Rouge.rougeN("今日は 良い 天気", "今日は悪い天気だ", 1, CHARACTERS), 0.75, 0.8571428571428571, 0.79999999999999993);
        check(Rouge.rougeN("今日は 良い 天気", "今日は悪い天気だ", 2, CHARACTERS),
                0.5714285714285714, 0.66666666666666663, 0.61538461538461531);
        check(Rouge.rougeL("今日は 良い 天気", "今日は悪い天気だ", CHARACTERS), 0.75, 0.8571428571428571, 0.79999999999999993);
    }
}
