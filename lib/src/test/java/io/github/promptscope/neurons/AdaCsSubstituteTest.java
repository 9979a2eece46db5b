package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.LanguageModel;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The AdaCS substitutes on vectors worked out by hand, and the model-based one on the default model. */
class AdaCsSubstituteTest {

    @Test
    void tfIdfCosineOnKnownVectors() {
        // n = 3 documents; df(red) = df(blue) = 2, df(green) = 1, df(purple) = 0
        // idf = ln((1 + n) / (1 + df)) + 1: red, blue 1.2876820724517808; green 1.6931471805599454; purple ln 4 + 1
        AdaCsSubstitute tfidf = AdaCsSubstitute.tfIdfCosine(List.of("red blue", "red green", "blue blue"));
        assertEquals("tfidf_cosine", tfidf.name());
        assertEquals(1.2876820724517808, ((AdaCsTfIdf) tfidf).idf("red"), 1e-15);
        // [i, i] . [0, 2i] / (sqrt(2) i * 2i) = 1 / sqrt(2)
        assertEquals(0.7071067811865475, tfidf.similarity("red blue", "Blue, blue!"), 1e-15);
        // [ir, ib, 0] . [ir, 0, ig] / norms; numpy: 0.4280460350631185
        assertEquals(0.4280460350631185, tfidf.similarity("red blue", "red green"), 1e-15);
        // an unseen word still weighs (df = 0): [ip, ir] . [0, ir]; numpy: 0.47488709506083365
        assertEquals(0.47488709506083365, tfidf.similarity("purple red", "red"), 1e-15);
        assertEquals(0.0, tfidf.similarity("red", "green"), 0.0);
        assertTrue(Double.isNaN(tfidf.similarity("...", "red")), "no words: no embedding");
    }

    @Test
    void meanHiddenStateCosineOnTheDefaultModel() {
        try (LanguageModel model = LanguageModel.loadDefault()) {
            AdaCsMeanHiddenState embedding = (AdaCsMeanHiddenState) AdaCsSubstitute.meanHiddenStateCosine(model);
            String a = "colour words";
            String b = "numbers and digits";
            double[] ea = embedding.embed(a);
            double[] eb = embedding.embed(b);
            assertEquals(model.config().hiddenSize(), ea.length);
            // the mean of the last hidden state, worked out from the rows the model returns
            float[][] rows = model.hiddenStates(a, model.config().numLayers());
            double first = 0;
            for (float[] row : rows) {
                first += row[0];
            }
            assertEquals(first / rows.length, ea[0], 1e-6);
            assertEquals(1.0, embedding.similarity(a, a), 1e-12);
            assertEquals(embedding.similarity(a, b), embedding.similarity(b, a), 1e-12);
            assertEquals(io.github.promptscope.util.Correlation.cosine(ea, eb), embedding.similarity(a, b), 1e-12);
        }
    }
}
