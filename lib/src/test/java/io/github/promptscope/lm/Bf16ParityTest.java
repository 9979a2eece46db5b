package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --dtype bfloat16} against float32 on the default model. bfloat16 keeps 8 bits of
 * mantissa, so each product carries a relative error of about 0.3% (MatmulProbeTest measures it);
 * through 4 layers that moves a token's log-probability by at most 0.037 nats and a 13-token
 * text's total by 0.05 (measured on these texts with torch 2.13's module on DJL 0.34 / libtorch
 * 2.7.1). The documented tolerance: 0.1 nats per token, 1% of a text's total.
 */
class Bf16ParityTest {

    static final double PER_TOKEN_NATS = 0.1;
    static final double TOTAL_RELATIVE = 0.01;
    /**
     * The parity fixtures (random weights), over every vocabulary entry at every position: measured
     * 0.043-0.069 on the GPT-2 fixtures, 0.070-0.113 on the Llama ones (grouped-query: the largest).
     */
    static final double FIXTURE_NATS = 0.25;

    private static LanguageModel f32;
    private static LanguageModel bf16;

    @BeforeAll
    static void load() {
        f32 = LanguageModel.loadDefault();
    }

    /** The default model in bfloat16, loaded by the first test that needs it; skips that test on a CPU without bfloat16. */
    private static synchronized LanguageModel bf16() {
        Bf16Cpu.assumeNativeBf16();
        if (bf16 == null) {
            bf16 = LanguageModel.loadDefault(Dtype.BFLOAT16);
        }
        return bf16;
    }

    @AfterAll
    static void close() {
        if (bf16 != null) {
            bf16.close();
        }
        f32.close();
    }

    @Test
    void logProbsMatchFloat32WithinTheTolerance() {
        LanguageModel bf = bf16();
        assertEquals(Dtype.BFLOAT16, bf.dtype());
        assertEquals(Dtype.FLOAT32, f32.dtype());
        for (String text : List.of("Given the input numbers 3 and 4, the answer is 7.", "Return the sum of the inputs.",
                "Data:\n\nInput: 12 and 5 Output: 17\n\nPrompt: Add the two numbers")) {
            Double[] a = f32.logProbs(text).logprobs();
            Double[] b = bf.logProbs(text).logprobs();
            double totalA = 0;
            double totalB = 0;
            boolean anyDifferent = false;
            for (int i = 1; i < a.length; i++) { // token 0 has no prediction
                assertEquals(a[i], b[i], PER_TOKEN_NATS, "token " + i + " of " + text);
                anyDifferent |= !a[i].equals(b[i]);
                totalA += a[i];
                totalB += b[i];
            }
            assertEquals(totalA, totalB, TOTAL_RELATIVE * Math.abs(totalA), text);
            assertTrue(anyDifferent, "bfloat16 gave float32's numbers exactly: the module did not run");
        }
    }

    @Test
    void everyFixtureArchitectureRunsInBfloat16() {
        Bf16Cpu.assumeNativeBf16();
        // GPT-2 (Conv1D weights, tied and untied heads) and Llama (separate projections, grouped-query
        // heads, rotary scaling): the same ids, float32 against bfloat16, within the same tolerance
        for (String name : Fixtures.names()) {
            try (LanguageModel bf = LanguageModel.load(Fixtures.root().resolve(Fixtures.fixture(name).path("dir").asText()), Dtype.BFLOAT16)) {
                LanguageModel fp = Fixtures.model(name);
                long[] ids = {1, 5, 9, 2, 7, 3, 8};
                float[][] a = fp.nextTokenLogProbs(ids);
                float[][] b = bf.nextTokenLogProbs(ids);
                double maxAbs = 0;
                for (int t = 0; t < a.length; t++) {
                    for (int v = 0; v < a[t].length; v++) {
                        maxAbs = Math.max(maxAbs, Math.abs(a[t][v] - b[t][v]));
                    }
                }
                assertTrue(maxAbs > 0 && maxAbs < FIXTURE_NATS, name + ": largest log-prob difference " + maxAbs);
            }
        }
    }

    @Test
    void aBfloat16ModelIsNotTrained() {
        IllegalStateException e = assertThrows(IllegalStateException.class, bf16()::trainableWeights);
        assertTrue(e.getMessage().contains("--dtype bfloat16"), e.getMessage());
    }

    @Test
    void autoFallsBackToFloat32WithTheReason() {
        RuntimeDtype noCpu = RuntimeDtype.resolve(Dtype.AUTO, null, () -> {
            throw new AssertionError("the module is not loaded when the CPU lacks bfloat16");
        });
        assertEquals(Dtype.FLOAT32, noCpu.used());
        assertNull(noCpu.kernel());
        assertEquals("float32 (auto: this CPU lists neither avx512_bf16 nor amx_bf16 in /proc/cpuinfo)", noCpu.describe());

        RuntimeDtype missing = RuntimeDtype.resolve(Dtype.AUTO, "avx512_bf16", () -> {
            throw new IOException("bf16_linear.pt is not on the classpath");
        });
        assertEquals(Dtype.FLOAT32, missing.used());
        assertEquals("float32 (auto: the bfloat16 module did not load: bf16_linear.pt is not on the classpath)",
                missing.describe());
    }

    @Test
    void askingForBfloat16WithoutTheModuleIsAnErrorNamingTheFlag() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuntimeDtype.resolve(Dtype.BFLOAT16,
                "avx512_bf16", () -> {
                    throw new IOException("bf16_linear.pt is not on the classpath");
                }));
        assertEquals("--dtype bfloat16: the bfloat16 module did not load (bf16_linear.pt is not on the classpath); use"
                + " --dtype float32 or auto", e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Dtype.parse("fp16"));
        assertEquals("--dtype must be auto, bfloat16 or float32; got 'fp16'", bad.getMessage());
        assertEquals(Dtype.BFLOAT16, Dtype.parse("BFloat16"));
    }

    @Test
    void autoOnThisMachineFollowsCpuinfo() {
        RuntimeDtype auto = RuntimeDtype.resolve(Dtype.AUTO, f32.weightsManager());
        try {
            if (RuntimeDtype.cpuBf16Flag() != null) {
                assertEquals(Dtype.BFLOAT16, auto.used());
                assertNotNull(auto.kernel());
            } else {
                assertEquals(Dtype.FLOAT32, auto.used());
            }
        } finally {
            if (auto.kernel() != null) {
                auto.kernel().close();
            }
        }
    }

    /**
     * A bfloat16 model in a pass that needs gradients (AutoPrompt's token swaps, soft prompts): the
     * TorchScript module has no autograd, so such passes multiply in float32. Before that fallback,
     * {@code sweep --dtype bfloat16} failed every AutoPrompt run with "element 0 of tensors does not
     * require grad and does not have a grad_fn".
     */
    @Test
    void gradientPassesOfABfloat16ModelAreFloat32s() {
        long[] a = f32.tokenizer().encode("Add the two numbers: 12 + 7 = 19");
        SoftPrompts soft32 = f32.softPrompts();
        SoftPrompts soft16 = bf16().softPrompts();
        float[][] rows = soft32.embeddingRows(Arrays.copyOfRange(a, 1, 4));
        List<SoftSequence> seqs = List.of(SoftSequence.builder().tokens(new long[] {a[0]}).soft(0, 3)
                .tokens(Arrays.copyOfRange(a, 4, a.length - 2)).targets(Arrays.copyOfRange(a, a.length - 2, a.length)).build());

        SoftPromptLoss want = soft32.lossAndGradient(rows, seqs);
        SoftPromptLoss got = soft16.lossAndGradient(rows, seqs);
        assertEquals(want.loss(), got.loss(), 0.0);
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(want.gradient()[i], got.gradient()[i], 0f, "gradient row " + i);
        }
        // while a pass without gradients still multiplies in bfloat16
        assertNotEquals(soft32.score(rows, seqs).get(0).sum(), soft16.score(rows, seqs).get(0).sum());
    }
}
