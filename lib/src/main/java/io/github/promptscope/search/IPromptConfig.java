package io.github.promptscope.search;

/**
 * Every setting of iPrompt, named and defaulted as in the reference API
 * ({@code imodelsx.explain_dataset_iprompt}, spec section 1.1). Presets: {@link #defaults()} (the
 * API), {@link #paper()} (the paper's runs, spec 1.10) and {@link #quick()} (a few minutes on a CPU).
 *
 * @param numLearnedTokens prompt length N in tokens, fixed
 * @param nShots examples concatenated in each proposal context
 * @param singleShotLoss with nShots > 1, score on the last example of a row only
 * @param batchSize data rows per step
 * @param nEpochs passes over the rows
 * @param maxNDatapoints rows built when nShots > 1; with one shot, more examples than this are subsampled to
 *        it; and the datapoint budget (stop once more rows than this have been stepped over)
 * @param popSize population kept per step
 * @param numRandomGenerations fresh candidates per step
 * @param numMutations mutated copies of each population member and fresh candidate
 * @param generationTemperature proposal sampling temperature
 * @param generationTopP proposal nucleus threshold
 * @param generationTopK proposal top-k (transformers' hidden default of 50, made explicit)
 * @param generationRepetitionPenalty CTRL penalty over every id in the proposal context
 * @param popCriterion pool ranking key: loss, acc or combined
 * @param popTopkStrategy different_start_token (diversity) or all
 * @param prefixBeforeInput prompt before the input (true) or after it (false)
 * @param doFinalReranking at the end, rescore the pool's best 64 (by the criterion, among prompts evaluated more
 *        than 3 times) on the first 256 training rows (rows the search iterates over, not held-out rows), and rank
 *        by accuracy, then loss; iPrompt and AutoPrompt alike
 * @param earlyStoppingSteps stop after this many steps with an unchanged top 5 (-1: never)
 * @param preprefix fixed text before the learned prompt
 * @param maskPossibleAnswers restrict every output position to the outputs' first tokens when scoring (the
 *        reference's {@code possible_answer_mask}; also in the final reranking)
 * @param maskAllAnswerTokens with the mask on, leave open every token of every output instead of only the
 *        first tokens (off: the reference). For tokenizers that split answers, e.g. the default model's,
 *        which writes " 6" as " " then "6": the reference's mask would allow only " " at every position
 * @param maxLength longest scored sequence in tokens; longer inputs are cut from the left
 * @param proposalStart word that opens a proposal context
 * @param proposalEnd word after which the model writes a prompt
 * @param seed seed of every random choice and of sampling
 */
public record IPromptConfig(
        int numLearnedTokens,
        int nShots,
        boolean singleShotLoss,
        int batchSize,
        int nEpochs,
        int maxNDatapoints,
        int popSize,
        int numRandomGenerations,
        int numMutations,
        double generationTemperature,
        double generationTopP,
        int generationTopK,
        double generationRepetitionPenalty,
        String popCriterion,
        String popTopkStrategy,
        boolean prefixBeforeInput,
        boolean doFinalReranking,
        int earlyStoppingSteps,
        String preprefix,
        boolean maskPossibleAnswers,
        boolean maskAllAnswerTokens,
        int maxLength,
        String proposalStart,
        String proposalEnd,
        long seed) {

    /**
     * The step budget of the quick preset ({@code Budget.steps(QUICK_STEPS)}). Step limits live in
     * {@link Budget}, not here: the reference API's {@code max_n_steps} (10,000) binds before its
     * datapoint limit only with one-row batches, so {@link #defaults()} and {@link #paper()} need none.
     */
    public static final int QUICK_STEPS = 60;

    /** The quick preset's datapoint limit (imodelsX's {@code max_n_datapoints}). */
    public static final int QUICK_MAX_DATAPOINTS = 1000;

    public IPromptConfig {
        positive(numLearnedTokens, "numLearnedTokens");
        positive(nShots, "nShots");
        positive(batchSize, "batchSize");
        positive(nEpochs, "nEpochs");
        positive(maxNDatapoints, "maxNDatapoints");
        if (numLearnedTokens >= maxLength) {
            // the scored sequence [prompt][input][output] is cut to maxLength: such a prompt leaves no room
            throw new IllegalArgumentException("numLearnedTokens " + numLearnedTokens + " must be less than maxLength "
                    + maxLength + ", the longest scored sequence (prompt, input and output)");
        }
        positive(popSize, "popSize");
        if (numRandomGenerations < 0 || numMutations < 0) {
            throw new IllegalArgumentException("numRandomGenerations and numMutations must be >= 0");
        }
        if (!java.util.List.of("loss", "acc", "combined").contains(popCriterion)) {
            throw new IllegalArgumentException("popCriterion must be loss, acc or combined, got " + popCriterion);
        }
        if (!java.util.List.of("different_start_token", "all").contains(popTopkStrategy)) {
            throw new IllegalArgumentException("popTopkStrategy must be different_start_token or all, got "
                    + popTopkStrategy);
        }
    }

    private static void positive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
    }

    /** The reference API's defaults. */
    public static IPromptConfig defaults() {
        return new IPromptConfig(1, 1, true, 64, 100, 10_000, 8, 4, 4, 1.0, 1.0, 50, 2.0, "loss",
                "different_start_token", true, false, -1, "", false, false, 128, "Data:", "Prompt:", 42);
    }

    /** The paper's math settings: 6 tokens, 5 shots, 5000 rows, final reranking, early stop 25. */
    public static IPromptConfig paper() {
        return defaults().toBuilder().numLearnedTokens(6).nShots(5).maxNDatapoints(5000).doFinalReranking(true)
                .earlyStoppingSteps(25).build();
    }

    /**
     * A run of a few minutes on a laptop CPU: 6 tokens, 3 shots, batch 16, final reranking (the
     * settings on which the default model recovers the math tasks), searched with a budget of
     * {@link #QUICK_STEPS} steps.
     */
    public static IPromptConfig quick() {
        return defaults().toBuilder().numLearnedTokens(6).nShots(3).batchSize(16).maxNDatapoints(QUICK_MAX_DATAPOINTS)
                .doFinalReranking(true).build();
    }

    /** Candidates scored per step: population, fresh ones, and the mutations of both. */
    public int candidatesPerStep() {
        return popSize + numRandomGenerations + (popSize + numRandomGenerations) * numMutations;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a few settings of a preset: {@code IPromptConfig.quick().toBuilder().seed(3).build()}. */
    public static final class Builder {
        private int numLearnedTokens, nShots, batchSize, nEpochs, maxNDatapoints, popSize,
                numRandomGenerations, numMutations, generationTopK, earlyStoppingSteps, maxLength;
        private boolean singleShotLoss, prefixBeforeInput, doFinalReranking, maskPossibleAnswers, maskAllAnswerTokens;
        private double generationTemperature, generationTopP, generationRepetitionPenalty;
        private String popCriterion, popTopkStrategy, preprefix, proposalStart, proposalEnd;
        private long seed;

        private Builder(IPromptConfig c) {
            numLearnedTokens = c.numLearnedTokens; nShots = c.nShots; singleShotLoss = c.singleShotLoss;
            batchSize = c.batchSize; nEpochs = c.nEpochs; maxNDatapoints = c.maxNDatapoints;
            popSize = c.popSize; numRandomGenerations = c.numRandomGenerations; numMutations = c.numMutations;
            generationTemperature = c.generationTemperature; generationTopP = c.generationTopP;
            generationTopK = c.generationTopK; generationRepetitionPenalty = c.generationRepetitionPenalty;
            popCriterion = c.popCriterion; popTopkStrategy = c.popTopkStrategy; prefixBeforeInput = c.prefixBeforeInput;
            doFinalReranking = c.doFinalReranking; earlyStoppingSteps = c.earlyStoppingSteps; preprefix = c.preprefix;
            maskPossibleAnswers = c.maskPossibleAnswers; maskAllAnswerTokens = c.maskAllAnswerTokens; maxLength = c.maxLength; proposalStart = c.proposalStart;
            proposalEnd = c.proposalEnd; seed = c.seed;
        }

        public Builder numLearnedTokens(int v) { numLearnedTokens = v; return this; }
        public Builder nShots(int v) { nShots = v; return this; }
        public Builder singleShotLoss(boolean v) { singleShotLoss = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder nEpochs(int v) { nEpochs = v; return this; }
        public Builder maxNDatapoints(int v) { maxNDatapoints = v; return this; }
        public Builder popSize(int v) { popSize = v; return this; }
        public Builder numRandomGenerations(int v) { numRandomGenerations = v; return this; }
        public Builder numMutations(int v) { numMutations = v; return this; }
        public Builder generationTemperature(double v) { generationTemperature = v; return this; }
        public Builder generationTopP(double v) { generationTopP = v; return this; }
        public Builder generationTopK(int v) { generationTopK = v; return this; }
        public Builder generationRepetitionPenalty(double v) { generationRepetitionPenalty = v; return this; }
        public Builder popCriterion(String v) { popCriterion = v; return this; }
        public Builder popTopkStrategy(String v) { popTopkStrategy = v; return this; }
        public Builder prefixBeforeInput(boolean v) { prefixBeforeInput = v; return this; }
        public Builder doFinalReranking(boolean v) { doFinalReranking = v; return this; }
        public Builder earlyStoppingSteps(int v) { earlyStoppingSteps = v; return this; }
        public Builder preprefix(String v) { preprefix = v; return this; }
        public Builder maskPossibleAnswers(boolean v) { maskPossibleAnswers = v; return this; }
        public Builder maskAllAnswerTokens(boolean v) { maskAllAnswerTokens = v; return this; }
        public Builder maxLength(int v) { maxLength = v; return this; }
        public Builder proposalStart(String v) { proposalStart = v; return this; }
        public Builder proposalEnd(String v) { proposalEnd = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        public IPromptConfig build() {
            return new IPromptConfig(numLearnedTokens, nShots, singleShotLoss, batchSize, nEpochs, maxNDatapoints,
                    popSize, numRandomGenerations, numMutations, generationTemperature, generationTopP,
                    generationTopK, generationRepetitionPenalty, popCriterion, popTopkStrategy, prefixBeforeInput,
                    doFinalReranking, earlyStoppingSteps, preprefix, maskPossibleAnswers, maskAllAnswerTokens, maxLength, proposalStart,
                    proposalEnd, seed);
        }
    }
}
