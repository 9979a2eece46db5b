package io.github.promptscope.lm.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built tokenizer, loaded back through DJL exactly as a checkpoint's tokenizer would be. */
class TokenizerBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Task words of the kind the default model is trained on, with overlapping prefixes and suffixes. */
    static final List<String> WORDS = List.of(
            "add", "addition", "address", "the", "then", "there", "these", "numbers", "number", "sum",
            "subtract", "subtraction", "multiply", "multiplied", "divide", "division", "prime", "primes",
            "Fibonacci", "antonym", "synonym", "larger", "largest", "smaller", "smallest", "animal",
            "animals", "plural", "singular", "Output", "Input", "Prompt", "Data", "Answer", "Question",
            "don't", "doesn't", "isn't", "it's", "well-known", "self-evident", "two-digit", "first",
            "second", "third", "last", "letter", "letters", "word", "words", "reverse", "reversed",
            "capital", "capitalize", "uppercase", "lowercase", "vowel", "vowels", "consonant", "count",
            "length", "longer", "shorter", "even", "odd", "square", "cube", "root", "double", "half",
            "triple", "minus", "plus", "times", "equals", "result", "input", "output", "country",
            "capitalcity", "color", "colour", "fruit", "vegetable", "verb", "noun", "adjective",
            "opposite", "translate", "French", "Spanish", "German", "Japanese", "sentence", "sort",
            "sorted", "ascending", "descending", "a", "I", "aa", "aaa", "aaaa", "banana", "naïve",
            "café", "über", "日本語");

    static final List<String> TRICKY = List.of(
            "12 + 7 = 19",
            "日本語のテキストです。",
            "emoji 🙂👍🏽 and 👨‍👩‍👧 family",
            "tab\there\t\tand\ttabs",
            "multiple    spaces   here ",
            "line one\nline two\r\n\n\nend\n",
            "   leading and trailing   ",
            "don't stop, it's well-known!",
            "Input: 3 5\nOutput: 8",
            "<|endoftext|>",
            "",
            " ",
            "naïve café über Fibonacci");

    @TempDir
    Path tmp;

    private static ByteLevelTokenizer build() {
        return TokenizerBuilder.byteLevel().words(WORDS).build();
    }

    private TextTokenizer written(ByteLevelTokenizer built, String name) {
        Path dir = tmp.resolve(name);
        built.write(dir);
        return TextTokenizer.load(dir);
    }

    @Test
    void anyTextRoundTripsExactly() {
        try (TextTokenizer tok = written(build(), "tok")) {
            for (String s : TRICKY) {
                assertEquals(s, tok.decode(tok.encode(s)), "round trip of " + s);
            }
        }
    }

    @Test
    void everyDigitIsItsOwnToken() throws IOException {
        try (TextTokenizer tok = written(build(), "tok")) {
            assertEquals(10, tok.encode("0123456789").length);
            assertEquals(7, tok.encode("1234567").length);
            for (long id : tok.encode("12 + 7 = 19")) {
                String piece = tok.piece(id);
                assertTrue(!piece.matches(".*\\d.*") || piece.matches("\\d"), "token " + piece + " mixes a digit");
            }
        }
        for (JsonNode merge : readTokenizerJson("tok").path("model").path("merges")) {
            assertFalse(merge.asText().matches(".*\\d.*"), "merge " + merge + " involves a digit");
        }
    }

    @Test
    void everyWordIsOneTokenWithAndWithoutLeadingSpace() {
        try (TextTokenizer tok = written(build(), "tok")) {
            for (String w : WORDS) {
                assertEquals(1, tok.encode(w).length, "\"" + w + "\" should be one token");
                assertEquals(1, tok.encode(" " + w).length, "\" " + w + "\" should be one token");
                assertEquals(" " + w, tok.decode(tok.encode(" " + w)));
            }
        }
    }

    @Test
    void extraWordsAreOneTokenAsWritten() {
        List<String> extras = List.of("->", "\n\n", " Output", "::");
        ByteLevelTokenizer built = TokenizerBuilder.byteLevel().words(List.of("add")).extraWords(extras).build();
        try (TextTokenizer tok = written(built, "tok")) {
            for (String s : extras) {
                assertEquals(1, tok.encode(s).length, "\"" + s + "\" should be one token");
            }
        }
    }

    @Test
    void vocabularyIsBytesMergedTokensAndOneSpecialToken() throws IOException {
        ByteLevelTokenizer built = build();
        try (TextTokenizer tok = written(built, "tok")) {
            assertEquals(built.vocabSize(), tok.vocabSize());
            assertEquals(built.vocabSize() - 1, built.specialTokenId());
            assertEquals(ByteLevelTokenizer.SPECIAL, tok.piece(built.specialTokenId()));
            assertArrayEquals(new long[] {built.specialTokenId()}, tok.encode(ByteLevelTokenizer.SPECIAL));
        }
        JsonNode model = readTokenizerJson("tok").path("model");
        Set<String> merged = new HashSet<>();
        model.path("merges").forEach(m -> merged.add(m.asText().replace(" ", "")));
        assertEquals(257 + merged.size(), built.vocabSize());
        assertEquals(built.vocabSize(), model.path("vocab").size());
        for (String w : WORDS) {
            assertTrue(merged.contains(ByteLevelAlphabet.encode(" " + w)), "no token for \" " + w + "\"");
        }
    }

    @Test
    void sameInputsGiveByteIdenticalFiles() throws IOException {
        List<String> shuffled = new ArrayList<>(WORDS);
        Collections.reverse(shuffled);
        shuffled.add("add"); // duplicates do not matter
        TokenizerBuilder.byteLevel().words(WORDS).build().write(tmp.resolve("a"));
        TokenizerBuilder.byteLevel().words(shuffled).build().write(tmp.resolve("b"));
        for (String f : List.of("tokenizer.json", "tokenizer_config.json")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
    }

    @Test
    void rewritingReplacesBothFilesAndLeavesNoTemporaries() throws IOException {
        Path dir = tmp.resolve("tok");
        TokenizerBuilder.byteLevel().words(List.of("old")).build().write(dir);
        ByteLevelTokenizer built = build();
        built.write(dir);
        assertEquals(built.tokenizerJson(), Files.readString(dir.resolve("tokenizer.json")));
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("tokenizer.json", "tokenizer_config.json"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void rejectsWordsThatCannotBeOneToken() {
        for (String bad : List.of("add2", "two words", "tab\tbed", "hello!", "'tis")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TokenizerBuilder.byteLevel().words(List.of("fine", bad)));
            assertTrue(e.getMessage().contains("\"" + bad + "\""), "message should name the word: " + e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> TokenizerBuilder.byteLevel().extraWords(List.of(" x1")));
    }

    @Test
    void configIsModelIndependentAndNamesTheSpecialToken() throws IOException {
        TokenizerBuilder.byteLevel().words(WORDS).build().write(tmp.resolve("a"));
        TokenizerBuilder.byteLevel().words(List.of("other")).build().write(tmp.resolve("b"));
        TokenizerBuilder.byteLevel().modelMaxLength(1024).build().write(tmp.resolve("c"));
        JsonNode a = JSON.readTree(tmp.resolve("a/tokenizer_config.json").toFile());
        assertEquals("PreTrainedTokenizerFast", a.path("tokenizer_class").asText());
        for (String field : List.of("bos_token", "eos_token", "unk_token")) {
            assertEquals(ByteLevelTokenizer.SPECIAL, a.path(field).asText(), field);
        }
        assertEquals(256, a.path("model_max_length").asInt());
        assertEquals(a, JSON.readTree(tmp.resolve("b/tokenizer_config.json").toFile()));
        assertEquals(1024, JSON.readTree(tmp.resolve("c/tokenizer_config.json").toFile()).path("model_max_length").asInt());
    }

    private JsonNode readTokenizerJson(String name) throws IOException {
        return JSON.readTree(tmp.resolve(name).resolve("tokenizer.json").toFile());
    }
}
