package io.github.promptscope.lm;

import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScoringTest {

    static List<String> fixtures() {
        return Fixtures.names();
    }

    /** Pairs of very different lengths, so that a batch pads most of them heavily. */
    private static final List<ScoreRequest> REQUESTS = List.of(
            new ScoreRequest("Hello", " world"),
            new ScoreRequest("The answer is 1234567 + 89 =", " 1234656."),
            new ScoreRequest("日本語の", "テキストです。"),
            new ScoreRequest("a", "    b  c\tcol2\n\nline four and a much longer continuation than the others"),
            new ScoreRequest("Add the two numbers:", " 12 + 7 = 19"),
            new ScoreRequest("x", ""));

    @ParameterizedTest
    @MethodSource("fixtures")
    void paddingNeverChangesAScore(String name) {
        LanguageModel lm = Fixtures.model(name);
        List<ContinuationScore> batched = lm.scoreBatchSize(16).score(REQUESTS);
        for (int i = 0; i < REQUESTS.size(); i++) {
            ContinuationScore alone = lm.scoreBatchSize(1).score(List.of(REQUESTS.get(i))).get(0);
            assertEquals(REQUESTS.get(i), batched.get(i).request(), "results come back in request order");
            assertArrayEquals(alone.tokens(), batched.get(i).tokens());
            for (int t = 0; t < alone.tokenLogProbs().length; t++) {
                assertEquals(alone.tokenLogProbs()[t], batched.get(i).tokenLogProbs()[t], 1e-4,
                        name + ": request " + i + " token " + t);
            }
        }
        lm.scoreBatchSize(16);
    }

    /** A text cut at a token boundary scores its tail exactly as the reference scored those tokens. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void scoreAgreesWithReferenceLogProbs(String name) {
        LanguageModel lm = Fixtures.model(name);
        List<ScoreRequest> requests = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (JsonNode t : Fixtures.fixture(name).path("texts")) {
            long[] ids = Fixtures.longs(t.path("ids"));
            if (ids.length < 4) {
                continue;
            }
            int cut = ids.length / 2;
            String prefix = lm.tokenizer().decode(Arrays.copyOfRange(ids, 0, cut));
            String rest = lm.tokenizer().decode(Arrays.copyOfRange(ids, cut, ids.length));
            if (!Arrays.equals(TokenIds.concat(lm.tokenizer().encode(prefix), lm.tokenizer().encode(rest)), ids)) {
                continue; // the cut split a multi-byte character or a merge; not a clean boundary
            }
            requests.add(new ScoreRequest(prefix, rest));
            double[] want = new double[ids.length - cut];
            for (int i = cut; i < ids.length; i++) {
                want[i - cut] = t.path("logprobs").get(i).asDouble();
            }
            expected.add(want);
        }
        assertEquals(true, requests.size() >= 3, "enough clean cuts to test");
        List<ContinuationScore> got = lm.score(requests);
        for (int i = 0; i < requests.size(); i++) {
            double sum = 0;
            for (int t = 0; t < expected.get(i).length; t++) {
                assertEquals(expected.get(i)[t], got.get(i).tokenLogProbs()[t], 1e-4);
                sum += expected.get(i)[t];
            }
            assertEquals(sum, got.get(i).sum(), 1e-3);
            assertEquals(sum / expected.get(i).length, got.get(i).mean(), 1e-4);
        }
    }

    /** A greedy continuation scores as greedy; perturbing its last token does not. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void greedyFlagAgreesWithGreedyDecoding(String name) {
        LanguageModel lm = Fixtures.model(name);
        Generation g = lm.generate("The quick brown fox", GenerationConfig.greedy(6).withStopAtEos(false));
        long[] prompt = lm.tokenizer().encode("The quick brown fox");
        long[] other = g.tokens().clone();
        other[other.length - 1] = (other[other.length - 1] + 1) % lm.tokenizer().vocabSize();
        // score through ids decoded to text only where the text re-encodes to the same ids
        String cont = lm.tokenizer().decode(g.tokens());
        String wrong = lm.tokenizer().decode(other);
        if (java.util.Arrays.equals(lm.tokenizer().encode(cont), g.tokens())
                && java.util.Arrays.equals(lm.tokenizer().encode(wrong), other)) {
            List<ContinuationScore> s = lm.score(List.of(
                    new ScoreRequest("The quick brown fox", cont), new ScoreRequest("The quick brown fox", wrong)));
            assertEquals(true, s.get(0).greedy(), name);
            assertEquals(false, s.get(1).greedy(), name);
        }
        assertEquals(prompt.length > 0, true);
    }

    /** Pieces are tokenized one by one and joined as ids: "Hel" + "lo" is not "Hello". */
    @ParameterizedTest
    @MethodSource("fixtures")
    void prefixPiecesAreTokenizedSeparately(String name) {
        LanguageModel lm = Fixtures.model(name);
        TextTokenizer tok = lm.tokenizer();
        List<String> pieces = List.of("Hel", "lo wor", "ld, 12 +", " 7 =");
        long[] prefix = new long[0];
        for (String p : pieces) {
            prefix = TokenIds.concat(prefix, tok.encode(p));
        }
        long[] all = TokenIds.concat(prefix, tok.encode(" 19"));
        Double[] reference = lm.logProbs(all).logprobs();
        double want = 0;
        for (int i = prefix.length; i < all.length; i++) {
            want += reference[i];
        }
        ContinuationScore got = lm.score(List.of(new ScoreRequest(pieces, " 19"))).get(0);
        assertEquals(want, got.sum(), 1e-4);
        ContinuationScore joined = lm.score(List.of(new ScoreRequest("Hello world, 12 + 7 =", " 19"))).get(0);
        assertEquals(false, Arrays.equals(prefix, tok.encode("Hello world, 12 + 7 =")), "the pieces split differently");
        assertEquals(false, Math.abs(joined.sum() - got.sum()) < 1e-6, "so the scores differ");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void emptyPrefixIsAnError(String name) {
        LanguageModel lm = Fixtures.model(name);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lm.score(List.of(new ScoreRequest("", "hello"))));
        assertEquals(true, e.getMessage().contains("prefix"));
    }
}
