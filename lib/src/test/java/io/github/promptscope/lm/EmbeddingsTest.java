package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The soft-prompt path: embeddings in, logits out, gradients back to the embeddings. */
class EmbeddingsTest {

    static List<String> fixtures() {
        return Fixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void embeddingPathEqualsTokenPathAndCarriesGradients(String name) {
        LanguageModel lm = Fixtures.model(name);
        long[] ids = lm.tokenizer().encode("Add the two numbers: 12 + 7 = 19");
        TokenLogProbs reference = lm.logProbs("Add the two numbers: 12 + 7 = 19");
        int last = ids.length - 1;
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray embeds = lm.embed(m, new long[][] {ids});
            embeds.setRequiresGradient(true);
            NDArray lp;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray logits = lm.logitsFromEmbeddings(embeds, null);
                lp = logits.get(new NDIndex("0, {}", last - 1)).logSoftmax(0).get(new NDIndex("{}", ids[last]));
                gc.backward(lp);
            }
            assertEquals(reference.logprobs()[last], lp.getFloat(), 1e-4, "same number through embeddings");
            float[] grad = embeds.getGradient().toFloatArray();
            double norm = 0;
            for (float g : grad) {
                norm += g * g;
            }
            assertTrue(norm > 1e-8, "gradient reaches the input embeddings");

            // a small step along the gradient raises the log-probability by about eps * |grad|
            double eps = 1e-3;
            float[] base = embeds.toFloatArray();
            float[] moved = base.clone();
            double predicted = 0;
            for (int j = 0; j < grad.length; j++) {
                double step = eps * grad[j] / Math.sqrt(norm);
                moved[j] += (float) step;
                predicted += grad[j] * step;
            }
            double before = lastLogProb(lm, m, base, ids, last);
            double after = lastLogProb(lm, m, moved, ids, last);
            assertEquals(predicted, after - before, Math.max(0.05 * Math.abs(predicted), 1e-3),
                    "first-order change matches the gradient");
        }
    }

    private static double lastLogProb(LanguageModel lm, NDManager m, float[] embeds, long[] ids, int last) {
        NDArray e = m.create(embeds, new ai.djl.ndarray.types.Shape(1, ids.length, lm.config().hiddenSize()));
        NDArray row = lm.logitsFromEmbeddings(e, null).get(new NDIndex("0, {}", last - 1)).logSoftmax(0);
        return row.getFloat(ids[last]);
    }
}
