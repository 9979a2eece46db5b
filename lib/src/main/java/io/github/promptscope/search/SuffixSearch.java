package io.github.promptscope.search;

import io.github.promptscope.lm.LanguageModel;
import java.util.List;

/**
 * The paper's Suffix baseline (spec section 2): iPrompt's proposal step alone. One 5-shot
 * {@code Data: ... Prompt:} context, one step of batch 1 (a larger budget is capped at one step), a
 * population of 8, one fresh generation and one mutation each: about 18 sampled prompts, returned in the order they were generated
 * (unranked), so recovery measures what proposing alone achieves.
 */
public final class SuffixSearch implements PromptSearch {

    /** Version of this baseline's algorithm, recorded with every run (see {@link IPrompt#ALGORITHM}). */
    public static final String ALGORITHM = "suffix-2";

    private final IPromptConfig cfg;

    public SuffixSearch(int numLearnedTokens, long seed) {
        this.cfg = IPromptConfig.defaults().toBuilder()
                .numLearnedTokens(numLearnedTokens).nShots(5).batchSize(1).popSize(8)
                .numRandomGenerations(1).numMutations(1).generationTemperature(1.0).maxNDatapoints(64)
                .doFinalReranking(false).seed(seed).build();
    }

    public IPromptConfig config() {
        return cfg;
    }

    @Override
    public String method() {
        return "suffix";
    }

    @Override
    public SearchResult search(LanguageModel model, List<String> inputs, List<String> outputs, Budget budget) {
        IPromptConfig c = inputs.size() < cfg.nShots() ? cfg.toBuilder().nShots(inputs.size()).build() : cfg;
        return new IPrompt(c, null, true, method()).search(model, inputs, outputs, budget.atMostSteps(1));
    }
}
