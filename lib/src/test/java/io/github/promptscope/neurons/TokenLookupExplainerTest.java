package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The token-lookup and ground-truth baselines on excerpts whose answer is known by hand. */
class TokenLookupExplainerTest {

    // " red": 4 and 2 (mean 3); "blue": 5 (mean 5); " the": 0.5 and -0.5 (mean 0); " car": 1 (mean 1)
    private static final List<ActivationRecord> EXCERPTS = List.of(
            new ActivationRecord(List.of(" the", " red", " car"), new double[] {0.5, 4, 1}),
            new ActivationRecord(List.of(" the", "blue", " red"), new double[] {-0.5, 5, 2}));

    @Test
    void listsTokensAboveTheCutoffByMeanActivation() {
        TokenLookupExplainer lookup = new TokenLookupExplainer();
        assertEquals(List.of("the tokens 'blue', 'red', 'car'"), lookup.explain(EXCERPTS, 0.5));
        assertEquals(List.of("blue", "red"), lookup.topTokens(EXCERPTS, 2.0));
        assertEquals(List.of("blue"), new TokenLookupExplainer(1).topTokens(EXCERPTS, 0.0));
        assertEquals(List.of("blue"), lookup.topTokens(EXCERPTS, 9.0), "none above the cutoff: the best one");
    }

    @Test
    void whitespaceTokensAreShownEscapedAndQuotesKeepTheirToken() {
        List<ActivationRecord> r = List.of(new ActivationRecord(List.of("\n\n", "'", "a"), new double[] {3, 2, 0}));
        assertEquals(List.of("the tokens '\\n\\n', \"'\""), new TokenLookupExplainer().explain(r, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenLookupExplainer(0));
    }

    @Test
    void groundTruthIsReturnedAsGiven() {
        assertEquals(List.of("colour words"), new GroundTruthExplainer("colour words").explain(EXCERPTS, 0));
        assertThrows(IllegalArgumentException.class, () -> new GroundTruthExplainer(" "));
    }
}
