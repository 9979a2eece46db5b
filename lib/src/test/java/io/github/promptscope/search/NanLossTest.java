package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.TensorEdits;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose weights are finite but whose activations overflow gives NaN losses. The search
 * stops with an error rather than ranking prompts by NaN (it used to print a ranked list).
 */
class NanLossTest {

    @TempDir
    static Path tmp;

    private static LanguageModel overflowing;

    private static synchronized LanguageModel overflowing() throws Exception {
        if (overflowing == null) {
            Path dir = TensorEdits.copyFixture("gpt2-lmhead", tmp);
            // 3e38 is finite, so the load accepts it; the first LayerNorm's sum overflows to Inf and Inf - Inf is NaN
            TensorEdits.edit(dir.resolve("model.safetensors"), "transformer.wte.weight", v -> {
                Arrays.fill(v, 3e38f);
                return v;
            });
            overflowing = LanguageModel.load(dir);
        }
        return overflowing;
    }

    /**
     * AutoPrompt reaches the shared {@link CandidateScorer} first; iPrompt and Suffix score through the
     * same class but first sample proposals to full length from NaN logits (about 40 s here), so they are
     * not repeated.
     */
    @Test
    void nanLossesStopTheSearch() throws Exception {
        String method = "autoprompt";
        List<Example> xs = SearchTestModels.addTwo();
        IPromptConfig cfg = IPromptConfig.quick().toBuilder().numLearnedTokens(3).batchSize(4).popSize(4)
                .numRandomGenerations(2).numMutations(1).seed(1).doFinalReranking(false).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Methods.create(method, cfg)
                .search(overflowing(), SearchTestModels.inputs(xs), SearchTestModels.outputs(xs), Budget.steps(1)));
        assertTrue(e.getMessage().contains("is NaN"), e.getMessage());
    }
}
