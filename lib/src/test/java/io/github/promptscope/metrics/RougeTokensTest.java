package io.github.promptscope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ROUGE over the P-tuning scorer's tokens (spec B3, B6), every expected value worked out by hand in
 * the comments from the token lists the test also asserts.
 */
class RougeTokensTest {

    private static final double EPS = 1e-12;

    private static void f1(double expected, RougeScore s) {
        assertEquals(expected, s.fmeasure(), EPS);
    }

    @Test
    void englishLowercasesAndDropsTheProjectStopWords() {
        Tokenization en = EnglishTokens.withProjectStopWords();
        String ref = "Alice opened a bakery in New York";
        String cand = "alice opened a shop in new york";
        // "a" and "in" are stop words; case folds
        assertEquals(List.of("alice", "opened", "bakery", "new", "york"), en.tokenize(ref));
        assertEquals(List.of("alice", "opened", "shop", "new", "york"), en.tokenize(cand));
        // R1: 4 of 5 unigrams shared each way: P = R = 4/5, F = 0.8
        f1(0.8, Rouge.rougeN(ref, cand, 1, en));
        // R2: ref (alice opened)(opened bakery)(bakery new)(new york), cand (alice opened)(opened shop)(shop new)(new york):
        // 2 of 4 shared, F = 0.5
        f1(0.5, Rouge.rougeN(ref, cand, 2, en));
        // RL: LCS alice opened new york = 4, P = R = 4/5, F = 0.8
        f1(0.8, Rouge.rougeL(ref, cand, en));
    }

    @Test
    void englishUnequalLengths() {
        Tokenization en = EnglishTokens.withProjectStopWords();
        String ref = "bob won a prize in rome";   // [bob, won, prize, rome]
        String cand = "bob won";                   // [bob, won]
        // R1: 2 shared; P = 2/2, R = 2/4; F = 2 * 1 * 0.5 / 1.5 = 2/3
        RougeScore r1 = Rouge.rougeN(ref, cand, 1, en);
        assertEquals(1.0, r1.precision(), EPS);
        assertEquals(0.5, r1.recall(), EPS);
        f1(2.0 / 3, r1);
        // R2: cand (bob won) is one of ref's 3 bigrams; P = 1, R = 1/3, F = 2 * (1/3) / (4/3) = 0.5
        f1(0.5, Rouge.rougeN(ref, cand, 2, en));
        // RL: LCS 2: P = 1, R = 0.5, F = 2/3
        f1(2.0 / 3, Rouge.rougeL(ref, cand, en));
        // with stop words kept: ref [bob won a prize in rome] (6), cand 2: R1 P = 1, R = 1/3, F = 0.5
        f1(0.5, Rouge.rougeN(ref, cand, 1, EnglishTokens.withoutStopWords()));
    }

    @Test
    void japaneseKuromojiTokensWithoutFunctionWords() {
        Tokenization ja = JapaneseTokens.withProjectStopWords();
        String ref = "東京で新しい駅が開業した。";
        String cand = "新しい駅が東京に開業しました";
        // IPADIC: 東京/名詞 で/助詞 新しい/形容詞 駅/名詞 が/助詞 開業/名詞 し/動詞 た/助動詞 。/記号 (。 already a space)
        assertEquals(List.of("東京", "新しい", "駅", "開業", "し"), ja.tokenize(ref));
        // 新しい 駅 が 東京 に 開業 し まし た: the particles and both auxiliaries go
        assertEquals(List.of("新しい", "駅", "東京", "開業", "し"), ja.tokenize(cand));
        // R1: the same 5 tokens: F = 1
        f1(1.0, Rouge.rougeN(ref, cand, 1, ja));
        // R2: ref (東京 新しい)(新しい 駅)(駅 開業)(開業 し), cand (新しい 駅)(駅 東京)(東京 開業)(開業 し): 2 of 4, F = 0.5
        f1(0.5, Rouge.rougeN(ref, cand, 2, ja));
        // RL: LCS 新しい 駅 開業 し = 4 of 5 each way, F = 0.8
        f1(0.8, Rouge.rougeL(ref, cand, ja));
    }

    @Test
    void japaneseStopHandlingChangesTheScore() {
        String ref = "猫が赤い車を見た。";
        String cand = "犬が青い車を見た。";
        Tokenization ja = JapaneseTokens.withProjectStopWords();
        assertEquals(List.of("猫", "赤い", "車", "見"), ja.tokenize(ref));
        // R1: 車 見 of 4: F = 0.5; R2: (車 見) of 3 bigrams: F = 1/3; RL: LCS 車 見 = 2 of 4: F = 0.5
        f1(0.5, Rouge.rougeN(ref, cand, 1, ja));
        f1(1.0 / 3, Rouge.rougeN(ref, cand, 2, ja));
        f1(0.5, Rouge.rougeL(ref, cand, ja));
        // nothing removed: 猫 が 赤い 車 を 見 た (7) vs 犬 が 青い 車 を 見 た: 5 shared, F = 5/7
        Tokenization all = JapaneseTokens.withoutStopWords();
        assertEquals(List.of("猫", "が", "赤い", "車", "を", "見", "た"), all.tokenize(ref));
        f1(5.0 / 7, Rouge.rougeN(ref, cand, 1, all));
    }

    @Test
    void aStopWordFileReplacesTheDefaultHandling(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stop_words.txt");
        Files.writeString(file, "車\n\n  た  \n");
        Tokenization ja = JapaneseTokens.withStopWordFile(file);
        // only 車 and た go; particles stay: 猫 が 赤い を 見 vs 犬 が 青い を 見: 3 of 5 shared, F = 0.6
        assertEquals(List.of("猫", "が", "赤い", "を", "見"), ja.tokenize("猫が赤い車を見た。"));
        f1(0.6, Rouge.rougeN("猫が赤い車を見た。", "犬が青い車を見た。", 1, ja));
        assertEquals(List.of("bob", "won"), EnglishTokens.withStopWordFile(file).tokenize("Bob won"));
    }

    @Test
    void symbolsBecomeSpacesAndFullWidthLettersAreKeptAndLowercased() {
        // － (U+FF0D) and ！ are outside the kept ranges; Ｇ Ｐ Ｔ ２ are full-width Latin / digit
        assertEquals("ＧＰＴ ２は言語モデルです ", JapaneseTokens.symbolsToSpaces("ＧＰＴ－２は言語モデルです！"));
        assertEquals(List.of("ｇｐｔ", "２", "言語", "モデル"),
                JapaneseTokens.withProjectStopWords().tokenize("ＧＰＴ－２は言語モデルです！"));
        assertTrue(JapaneseTokens.withProjectStopWords().tokenize("。、！？").isEmpty());
    }

    @Test
    void aMissingStopWordFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JapaneseTokens.withStopWordFile(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
