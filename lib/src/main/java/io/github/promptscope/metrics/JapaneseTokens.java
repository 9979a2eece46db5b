package io.github.promptscope.metrics;

import com.atilika.kuromoji.ipadic.Token;
import com.atilika.kuromoji.ipadic.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ROUGE tokens for Japanese as the study's scorer makes them (sumeval {@code lang="ja"}, spec B3),
 * with Kuromoji's IPADIC in place of MeCab/Janome: every character outside hiragana ぁ-ん, katakana
 * ァ-ン, the kanji block 一-龥, ー, and ASCII or full-width Latin letters and digits becomes a space;
 * the text is segmented; surface forms are kept, stripped and lowercased; stop words are removed.
 *
 * <p><b>Stop words, a deliberate difference.</b> sumeval removes a fixed list of 309 words, which is
 * sumeval's and not copied here. By default this class instead drops tokens whose IPADIC part of
 * speech is particle (助詞), auxiliary verb (助動詞) or symbol (記号), plus a short list this project
 * wrote ({@link #PROJECT_STOP_WORDS}: demonstratives and formal nouns). For exact parity, pass
 * sumeval's own {@code stop_words.txt} to {@link #withStopWordFile}: then only that list is removed.
 * Segmentation itself differs slightly between Kuromoji and MeCab/Janome (dictionary versions).
 */
public final class JapaneseTokens implements Tokenization {

    /** The project's Japanese stop words, dropped besides the function-word parts of speech. */
    public static final Set<String> PROJECT_STOP_WORDS = Set.of("これ", "それ", "あれ", "この", "その", "あの",
            "ここ", "そこ", "あそこ", "こと", "もの", "ため", "よう", "とき", "ところ", "さん");

    /** IPADIC top-level parts of speech removed by default: particle, auxiliary verb, symbol. */
    public static final Set<String> STOP_PARTS_OF_SPEECH = Set.of("助詞", "助動詞", "記号");

    private final Set<String> stopWords;
    private final Set<String> stopPartsOfSpeech;

    private JapaneseTokens(Set<String> stopWords, Set<String> stopPartsOfSpeech) {
        this.stopWords = Set.copyOf(stopWords);
        this.stopPartsOfSpeech = Set.copyOf(stopPartsOfSpeech);
    }

    /** The default: function-word parts of speech and {@link #PROJECT_STOP_WORDS} removed. */
    public static JapaneseTokens withProjectStopWords() {
        return new JapaneseTokens(PROJECT_STOP_WORDS, STOP_PARTS_OF_SPEECH);
    }

    /** Every token kept (sumeval with {@code stopwords=False}). */
    public static JapaneseTokens withoutStopWords() {
        return new JapaneseTokens(Set.of(), Set.of());
    }

    /** Only the words of {@code file} removed (one per line; sumeval's {@code stop_words.txt} for parity). */
    public static JapaneseTokens withStopWordFile(Path file) {
        return new JapaneseTokens(StopWords.read(file), Set.of());
    }

    @Override
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : Kuromoji.TOKENIZER.tokenize(symbolsToSpaces(text))) {
            String w = t.getSurface().strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty() || stopWords.contains(w) || stopPartsOfSpeech.contains(t.getPartOfSpeechLevel1())) {
                continue;
            }
            out.add(w);
        }
        return out;
    }

    /** sumeval's preprocessing: anything but kana, kanji, ー, Latin letters and digits becomes a space. */
    static String symbolsToSpaces(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(kept(c) ? c : ' '));
        return sb.toString();
    }

    private static boolean kept(int c) {
        return (c >= 'ぁ' && c <= 'ん') || (c >= 'ァ' && c <= 'ン') || (c >= '一' && c <= '龥') || c == 'ー'
                || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || (c >= 'ａ' && c <= 'ｚ') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= '０' && c <= '９');
    }

    /** One tokenizer for the process: loading the IPADIC dictionary takes about a second. */
    private static final class Kuromoji {
        static final Tokenizer TOKENIZER = new Tokenizer();
    }
}
