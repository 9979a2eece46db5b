package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.ModelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's FLOP count is the work the shared-prompt scorer does, counted by hand here. */
class RerankBenchmarkTest {

    @Test
    void flopsOfOnePromptAndOneExampleOnTheDefaultModel() {
        ModelConfig c;
        try (LanguageModel lm = LanguageModel.loadDefault()) {
            c = lm.config();
        }
        // the shipped model: 4 blocks, d = 192, MLP 768 wide, vocabulary 4,424
        assertEquals(List.of(4, 192, 768, 4424), List.of(c.numLayers(), c.hiddenSize(), c.intermediateSize(), c.vocabSize()));
        // a 2-token prompt; one example of 3 context tokens and a 1-token target (ids do not matter)
        RerankBenchmark.Workload w = new RerankBenchmark.Workload(List.of(new long[] {1, 2}),
                List.of(new long[] {3, 4, 5}), List.of(new long[] {6}));
        long projections = 2L * 4 * 192 * 192; // q, k, v and output: 4 d x d matrices, 2 flops a multiply-add
        long mlp = 2L * 2 * 192 * 768; // up and down
        long perKey = 2L * 2 * 192; // q.k and p.v per attended key, all heads
        // the prompt once: 2 tokens through 4 blocks, attending to 1 and 2 keys
        long prompt = 4 * (2 * (projections + mlp) + perKey * (1 + 2));
        // the example's 4 tokens through 4 blocks, attending to 3, 4, 5 and 6 keys; the last block's MLP
        // only at the one position that predicts the target, and the head there
        long example = 4 * (4 * projections + perKey * (3 + 4 + 5 + 6)) + 3 * 4 * mlp + mlp + 2L * 192 * 4424;
        assertEquals(21_227_520L, prompt + example);
        assertEquals(prompt + example, w.flopsPerPass(c), 0.0);
        // the same work by multiply: qkv (with attention's products), output, MLP up, MLP down, head
        long qkv = 2L * 3 * 192 * 192;
        long up = 2L * 192 * 768;
        double[] byMultiply = w.flopsByMultiply(c);
        assertEquals(4 * (2 * qkv + perKey * 3) + 4 * (4 * qkv + perKey * 18), byMultiply[0], 0.0);
        assertEquals(4 * 6 * (projections - qkv), byMultiply[1], 0.0);
        assertEquals((4 * 2 + 3 * 4 + 1) * up, byMultiply[2], 0.0);
        assertEquals(byMultiply[2], byMultiply[3], 0.0); // GPT-2's down is the up transposed
        assertEquals(2L * 192 * 4424, byMultiply[4], 0.0);
        // each further prompt adds the same again; tokens are counted per row (prompt + context + target)
        RerankBenchmark.Workload two = new RerankBenchmark.Workload(List.of(new long[] {1, 2}, new long[] {7, 8}),
                w.contexts(), w.targets());
        assertEquals(2.0 * (prompt + example), two.flopsPerPass(c), 0.0);
        assertEquals(12, two.tokensPerPass());
    }
}
