package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Named hook points on a GPT-2 and a Llama fixture: caching, editing, padding, and names. */
class HooksTest {

    /** 3, 23 and 7 tokens: a batch whose padding is most of the short texts. */
    private static final List<String> TEXTS = List.of("Hello", "The answer is 1234567 + 89 = 1234656.", "a    b  c");

    @ParameterizedTest
    @ValueSource(strings = {"gpt2-base", "llama-gqa"})
    void hooksThatChangeNothingLeaveThePassBitIdentical(String fixture) {
        LanguageModel lm = Fixtures.model(fixture);
        HookName[] all = lm.hookNames().toArray(HookName[]::new);
        ActivationCache plain = lm.runWithCache(TEXTS, all);
        List<Hook> hooks = new ArrayList<>();
        double[] seen = {0};
        for (HookName n : all) {
            hooks.add(Hook.at(n, a -> seen[0] += a.copy()[0])); // reads, and writes nothing back
            hooks.add(Hook.at(n, a -> {
                float[] v = a.data(); // marks the activation edited: a new tensor from the same floats
                System.arraycopy(v.clone(), 0, v, 0, v.length);
            }));
        }
        ActivationCache hooked = lm.runWithHooks(TEXTS, hooks, all);
        assertTrue(seen[0] != 0, "the hooks ran and read values");
        for (int b = 0; b < TEXTS.size(); b++) {
            assertArrayEquals(plain.logProbs(b).logprobs(), hooked.logProbs(b).logprobs(), fixture + " log-probs");
            assertArrayEquals(plain.lastLogits(b), hooked.lastLogits(b), fixture + " last logits");
            for (HookName n : all) {
                if (n.isPattern()) {
                    assertArrayEquals(plain.pattern(n, b), hooked.pattern(n, b), fixture + " " + n);
                } else {
                    assertArrayEquals(plain.get(n, b), hooked.get(n, b), fixture + " " + n);
                }
            }
            // the hooked path alone, one text, gives what the scoring path gives, bit for bit
            String text = TEXTS.get(b);
            assertArrayEquals(lm.logProbs(text).logprobs(), lm.runWithCache(List.of(text)).logProbs(0).logprobs(), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt2-base", "llama-gqa"})
    void aHookOnAPaddedBatchEqualsEachTextAlone(String fixture) {
        LanguageModel lm = Fixtures.model(fixture);
        int last = lm.config().numLayers() - 1;
        HookName[] names = {Hooks.mlpPost(0), Hooks.attnPattern(last), Hooks.residPost(last), Hooks.lnFinal()};
        HookFunction ablate = HookFunction.zeroNeuron(5);
        ActivationCache batch = lm.runWithHooks(TEXTS, Hooks.mlpPost(0), ablate, names);
        assertArrayEquals(new long[] {3, lm.config().numHeads(), 23, 23}, batch.shape(Hooks.attnPattern(last)));
        for (int b = 0; b < TEXTS.size(); b++) {
            ActivationCache alone = lm.runWithHooks(List.of(TEXTS.get(b)), Hooks.mlpPost(0), ablate, names);
            assertEquals(alone.tokens(0).length, batch.get(Hooks.residPost(last), b).length, "real positions only");
            for (HookName n : names) {
                if (n.isPattern()) {
                    assertClose(alone.pattern(n, 0), batch.pattern(n, b), 1e-5, fixture + " " + n);
                } else {
                    assertClose(alone.get(n, 0), batch.get(n, b), 1e-5, fixture + " " + n);
                }
            }
            Double[] want = alone.logProbs(0).logprobs();
            for (int t = 1; t < want.length; t++) {
                assertEquals(want[t], batch.logProbs(b).logprobs()[t], 1e-5, fixture + " log-prob " + t);
            }
            assertClose(new float[][] {alone.lastLogits(0)}, new float[][] {batch.lastLogits(b)}, 1e-5, "last logits");
            assertEquals(0f, batch.get(Hooks.mlpPost(0), b)[0][5], "the ablated neuron is cached as 0");
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.promptscope.lm.ParityTest#fixtures")
    void cachedActivationsMatchTransformers(String fixture) {
        LanguageModel lm = Fixtures.model(fixture);
        JsonNode f = Fixtures.fixture(fixture);
        for (JsonNode h : f.path("hidden")) {
            String text = h.path("text").asText();
            int layer = h.path("layer").asInt(); // hidden_states[layer]: the output of block layer - 1
            assertTrue(layer >= 1 && layer < lm.config().numLayers());
            ActivationCache c = lm.runWithCache(List.of(text), Hooks.mlpPost(h.path("mlp_layer").asInt()),
                    Hooks.residPost(layer - 1));
            assertRows(h.path("mlp_activations"), c.get(Hooks.mlpPost(h.path("mlp_layer").asInt()), 0), fixture + " mlp_post");
            assertRows(h.path("hidden_state"), c.get(Hooks.residPost(layer - 1), 0), fixture + " resid_post");
        }
        // ln_final.hook_normalized is what the LM head reads: its logits give transformers' log-probs
        float[] head = lm.decoder().lmHead.toFloatArray();
        int d = lm.config().hiddenSize();
        JsonNode t = f.path("texts").get(1);
        float[][] normalized = lm.runWithCache(List.of(t.path("text").asText()), Hooks.lnFinal()).get(Hooks.lnFinal(), 0);
        for (int pos = 1; pos < normalized.length; pos++) {
            double[] logits = new double[head.length / d];
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < logits.length; v++) {
                for (int j = 0; j < d; j++) {
                    logits[v] += (double) normalized[pos - 1][j] * head[v * d + j];
                }
                max = Math.max(max, logits[v]);
            }
            double sum = 0;
            for (double l : logits) {
                sum += Math.exp(l - max);
            }
            int target = t.path("ids").get(pos).asInt();
            double logProb = logits[target] - max - Math.log(sum);
            assertEquals(t.path("logprobs").get(pos).asDouble(), logProb, 1e-4, fixture + " ln_final at " + pos);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt2-base", "llama-gqa"})
    void attentionPatternRowsSumToOneAndAreZeroAboveTheDiagonal(String fixture) {
        LanguageModel lm = Fixtures.model(fixture);
        int layers = lm.config().numLayers();
        HookName[] patterns = new HookName[layers];
        for (int l = 0; l < layers; l++) {
            patterns[l] = Hooks.attnPattern(l);
        }
        ActivationCache c = lm.runWithCache(TEXTS, patterns);
        for (int b = 0; b < TEXTS.size(); b++) {
            for (HookName n : patterns) {
                float[][][] p = c.pattern(n, b);
                assertEquals(lm.config().numHeads(), p.length);
                for (float[][] head : p) {
                    assertEquals(c.tokens(b).length, head.length, "queries: the text's own tokens");
                    for (int q = 0; q < head.length; q++) {
                        double sum = 0;
                        for (int k = 0; k < head[q].length; k++) {
                            sum += head[q][k];
                            if (k > q) {
                                assertEquals(0f, head[q][k], n + " [" + q + "][" + k + "] is a future token");
                            }
                        }
                        assertEquals(1.0, sum, 1e-5, n + " row " + q + " of text " + b);
                    }
                }
            }
        }
    }

    /**
     * resid_post = resid_mid + W_out^T post (+ bias), and ablation leaves resid_mid alone, so zeroing
     * neuron i moves resid_post[t] by exactly -act[t][i] * W_out[i]; doubling it moves it by +.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gpt2-base", "llama-gqa"})
    void ablatingAnMlpNeuronMovesTheResidualByItsOutputWeight(String fixture) {
        LanguageModel lm = Fixtures.model(fixture);
        boolean gpt2 = fixture.startsWith("gpt2");
        int d = lm.config().hiddenSize();
        int dMlp = lm.config().intermediateSize();
        // GPT-2's Conv1D stores c_proj as [d_mlp, d_model]; Llama's down_proj is [d_model, d_mlp]
        float[] w = lm.decoder().parameters.get(gpt2 ? "h.0.mlp.c_proj.weight" : "layers.0.mlp.down_proj.weight").toFloatArray();
        List<String> text = List.of(TEXTS.get(1));
        HookName post = Hooks.mlpPost(0);
        HookName resid = Hooks.residPost(0);
        ActivationCache plain = lm.runWithCache(text, post, resid, Hooks.residMid(0));
        float[][] act = plain.get(post, 0);
        int neuron = 0; // the neuron with the largest activation, so the effect is far above rounding
        for (int i = 0; i < dMlp; i++) {
            if (Math.abs(act[5][i]) > Math.abs(act[5][neuron])) {
                neuron = i;
            }
        }
        for (float factor : new float[] {0f, 2f}) {
            ActivationCache edited = lm.runWithHooks(text, post, HookFunction.scaleNeuron(neuron, factor), post, resid,
                    Hooks.residMid(0));
            assertArrayEquals(plain.get(Hooks.residMid(0), 0), edited.get(Hooks.residMid(0), 0), "upstream untouched");
            double largest = 0;
            for (int t = 0; t < act.length; t++) {
                assertEquals(act[t][neuron] * factor, edited.get(post, 0)[t][neuron], 1e-6);
                for (int j = 0; j < d; j++) {
                    float wOut = gpt2 ? w[neuron * d + j] : w[j * dMlp + neuron];
                    double want = (factor - 1) * act[t][neuron] * wOut;
                    double got = edited.get(resid, 0)[t][j] - plain.get(resid, 0)[t][j];
                    assertEquals(want, got, 1e-4, fixture + " resid_post[" + t + "][" + j + "]");
                    largest = Math.max(largest, Math.abs(want));
                }
            }
            assertTrue(largest > 1e-3, "the shift is measurable: " + largest);
            assertTrue(maxAbsDiff(plain.lastLogits(0), edited.lastLogits(0)) > 1e-4, "the logits move downstream");
        }
    }

    /** z flattened head-major is exactly what the output projection reads: attn_out = z W_O + b. */
    @Test
    void attnZFeedsTheOutputProjection() {
        LanguageModel lm = Fixtures.model("gpt2-base");
        int d = lm.config().hiddenSize();
        ActivationCache c = lm.runWithCache(TEXTS, Hooks.attnZ(1), Hooks.attnOut(1));
        assertArrayEquals(new long[] {3, 23, lm.config().numHeads(), lm.config().headDim()}, c.shape(Hooks.attnZ(1)));
        float[] w = lm.decoder().parameters.get("h.1.attn.c_proj.weight").toFloatArray(); // [d, d] as [in, out]
        float[] bias = lm.decoder().parameters.get("h.1.attn.c_proj.bias").toFloatArray();
        float[][] z = c.get(Hooks.attnZ(1), 2);
        float[][] out = c.get(Hooks.attnOut(1), 2);
        for (int t = 0; t < z.length; t++) {
            for (int j = 0; j < d; j++) {
                double sum = bias[j];
                for (int i = 0; i < d; i++) {
                    sum += z[t][i] * w[i * d + j];
                }
                assertEquals(sum, out[t][j], 1e-5, "attn_out[" + t + "][" + j + "]");
            }
        }
    }

    @Test
    void plantedValuesReachTheCacheAtRealPositionsOnly() {
        LanguageModel lm = Fixtures.model("llama-gqa");
        float[][] planted = {{1f, 2f, 3f}, new float[23], {-4f, 0f, 0f, 0f, 0f, 0f, 9f}};
        ActivationCache c = lm.runWithHooks(TEXTS, Hooks.mlpPost(1), HookFunction.setNeuron(7, planted), Hooks.mlpPost(1));
        for (int b = 0; b < 3; b++) {
            float[][] got = c.get(Hooks.mlpPost(1), b);
            for (int t = 0; t < got.length; t++) {
                assertEquals(planted[b][t], got[t][7]);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> lm.runWithHooks(TEXTS, Hooks.mlpPost(1),
                HookFunction.setNeuron(7, new float[][] {{1f}, new float[23], new float[7]})));
    }

    @Test
    void namesPrintAndParseAsTransformerLensSpellsThem() {
        assertEquals("blocks.3.mlp.hook_post", Hooks.mlpPost(3).toString());
        assertEquals("blocks.0.attn.hook_pattern", Hooks.attnPattern(0).toString());
        assertEquals("ln_final.hook_normalized", Hooks.lnFinal().toString());
        assertEquals(Hooks.residPre(12), HookName.parse("blocks.12.hook_resid_pre"));
        List<HookName> gpt2 = Fixtures.model("gpt2-base").hookNames();
        List<HookName> llama = Fixtures.model("llama-gqa").hookNames();
        // GPT-2, 2 blocks: embed, pos_embed, 9 points per block, ln_final; Llama, 3 blocks: no
        // pos_embed, 10 points per block (pre_linear), ln_final
        assertEquals(21, gpt2.size());
        assertEquals(32, llama.size());
        for (HookName n : llama) {
            assertEquals(n, HookName.parse(n.toString()));
        }
        assertEquals("hook_pos_embed", gpt2.get(1).toString());
        assertEquals("blocks.0.mlp.hook_pre_linear", llama.get(7).toString());
    }

    @Test
    void badNamesAreRejectedNamingThem() {
        for (String bad : List.of("blocks.3.mlp.hook_poop", "hook_resid_pre", "blocks.0.hook_embed", "blocks.x.hook_resid_pre")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HookName.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("blocks.{L}.mlp.hook_post"),
                    e.getMessage());
        }
        LanguageModel gpt2 = Fixtures.model("gpt2-base");
        LanguageModel llama = Fixtures.model("llama-gqa");
        assertMessage(() -> gpt2.runWithCache(TEXTS, Hooks.mlpPost(2)), "blocks.2.mlp.hook_post", "layers 0..1");
        assertMessage(() -> gpt2.runWithHooks(TEXTS, Hooks.residPost(9), a -> { }), "blocks.9.hook_resid_post", "0..1");
        assertMessage(() -> llama.runWithCache(TEXTS, Hooks.posEmbed()), "hook_pos_embed", "rotary");
        assertMessage(() -> gpt2.runWithCache(TEXTS, Hooks.mlpPreLinear(0)), "blocks.0.mlp.hook_pre_linear", "gated");
        ActivationCache c = gpt2.runWithCache(TEXTS, Hooks.mlpPost(0));
        assertMessage(() -> c.get(Hooks.mlpPost(1), 0), "blocks.1.mlp.hook_post", "not cached");
        assertMessage(() -> c.get(Hooks.attnPattern(0), 0), "blocks.0.attn.hook_pattern", "pattern(name, text)");
        assertMessage(() -> new HookName(HookName.Point.RESID_PRE, -1), "blocks.{L}.hook_resid_pre", ">= 0");
    }

    private static void assertMessage(Runnable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' names " + p);
        }
    }

    private static void assertRows(JsonNode want, float[][] got, String what) {
        assertEquals(want.size(), got.length, what + ": positions");
        for (int t = 0; t < got.length; t++) {
            for (int j = 0; j < got[t].length; j++) {
                double w = want.get(t).get(j).asDouble();
                assertEquals(w, got[t][j], 1e-4 * Math.max(1, Math.abs(w)), what + " [" + t + "][" + j + "]");
            }
        }
    }

    private static void assertClose(float[][] want, float[][] got, double tolerance, String what) {
        assertEquals(want.length, got.length, what + ": rows");
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i].length, got[i].length, what + ": width");
            // relative to the row's scale beyond 1: a batch's matrix products round differently, and an
            // element's rounding error comes from sums over the whole row (Llama's residual reaches ~2.3,
            // so a small element of it can differ by 1.2e-5 between the padded batch and the text alone)
            double scale = 1;
            for (float v : want[i]) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int j = 0; j < want[i].length; j++) {
                assertEquals(want[i][j], got[i][j], tolerance * scale, what + " [" + i + "][" + j + "]");
            }
        }
    }

    private static void assertClose(float[][][] want, float[][][] got, double tolerance, String what) {
        assertEquals(want.length, got.length, what + ": heads");
        for (int h = 0; h < want.length; h++) {
            assertClose(want[h], got[h], tolerance, what + " head " + h);
        }
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
