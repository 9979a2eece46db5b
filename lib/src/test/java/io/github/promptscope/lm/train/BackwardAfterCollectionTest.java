package io.github.promptscope.lm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.Engines;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.TrainableWeights;
import io.github.promptscope.lm.tokenizer.TokenizerBuilder;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A garbage collection between the forward and the backward pass changes no gradient. It used to:
 * constants such as GELU's 0.5 and the attention scale lived in Java buffers that the collector freed
 * while autograd still held them, so a finetune's gradients depended on when the collector ran and
 * runs of the same seed in two processes left each other at one step (README, "Repeatability").
 */
class BackwardAfterCollectionTest {

    @TempDir
    static Path dir;

    @Test
    void gradientsAreTheSameWhenTheCollectorRunsBeforeBackward() throws Exception {
        TokenizerBuilder.byteLevel().words(List.of("print", "functions")).build().write(dir.resolve("tok"));
        Gpt2Init.create(dir.resolve("init"), new Gpt2Init.Shape(2, 32, 2, 64), dir.resolve("tok"), 3);
        try (LanguageModel model = LanguageModel.load(dir.resolve("init"))) {
            TrainableWeights weights = model.trainableWeights();
            weights.parameters().values().forEach(p -> p.setRequiresGradient(true));
            long[][] ids = {model.tokenizer().encode("print(functions(12)) and 19"),
                    model.tokenizer().encode("from functions import it, 7 + 8")};
            int len = Math.min(ids[0].length, ids[1].length);
            ids = new long[][] {java.util.Arrays.copyOf(ids[0], len), java.util.Arrays.copyOf(ids[1], len)};
            Map<String, float[]> quiet = gradients(weights, ids, false);
            for (int round = 0; round < 3; round++) {
                Map<String, float[]> collected = gradients(weights, ids, true);
                for (String name : quiet.keySet()) {
                    assertArrayEquals(quiet.get(name), collected.get(name), 0f, name + " (round " + round + ")");
                }
            }
            float[] wte = quiet.get("wte.weight");
            assertTrue(java.util.stream.IntStream.range(0, wte.length).anyMatch(i -> wte[i] != 0f), "a real gradient");
        }
    }

    /** Every weight's gradient of the mean next-token loss; optionally a full collection between the passes. */
    private static Map<String, float[]> gradients(TrainableWeights weights, long[][] ids, boolean collect)
            throws InterruptedException {
        List<ByteBuffer> reused = new ArrayList<>();
        try (NDManager m = weights.manager().newSubManager()) {
            try (GradientCollector gc = Engines.pytorch().newGradientCollector()) {
                NDArray loss = weights.nextTokenLogProbs(m, ids).mean().neg();
                if (collect) {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                        Thread.sleep(50); // the buffers' cleaners free their memory on another thread
                    }
                    // what the allocator hands out next: small buffers, as the freed constants were, holding NaN
                    for (int i = 0; i < 20_000; i++) {
                        ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                        b.putFloat(0, Float.NaN);
                        reused.add(b);
                    }
                }
                gc.backward(loss);
            }
            Map<String, float[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : weights.parameters().entrySet()) {
                try (NDArray g = e.getValue().getGradient()) {
                    out.put(e.getKey(), g.toFloatArray());
                }
            }
            weights.zeroGradients();
            return out;
        } finally {
            reused.clear();
        }
    }
}
