package io.github.promptscope.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.data.PromptLayout;
import io.github.promptscope.util.Interrupts;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.SoftPromptLoss;
import io.github.promptscope.lm.SoftPrompts;
import io.github.promptscope.lm.SoftSequence;
import io.github.promptscope.util.Progress;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * AutoPrompt (spec section 2): gradient-guided token swaps. Each step the gradient of the output
 * loss with respect to the prompt's input embeddings, dotted with every vocabulary embedding,
 * ranks replacement tokens for one position; the {@code numCandidates} most promising are scored
 * on the batch and the best is adopted if it lowers the loss. The reference took the candidates
 * from position 0's ranking whatever the swap position (a bug); here they come from the swap
 * position. Final ranking is iPrompt's.
 */
public final class AutoPrompt implements PromptSearch {

    private final IPromptConfig cfg;
    private final int numCandidates;
    private final String init;

    /**
     * @param cfg shared settings (prompt length, batch, shots, steps, early stopping, seed, ranking)
     * @param numCandidates replacement tokens tried per step (reference: 32)
     * @param init initial token repeated N times (reference: "the"); "random" for uniform ids
     */
    public AutoPrompt(IPromptConfig cfg, int numCandidates, String init) {
        this.cfg = cfg;
        this.numCandidates = numCandidates;
        this.init = init;
    }

    public static AutoPrompt defaults(IPromptConfig cfg) {
        return new AutoPrompt(cfg, 32, "the");
    }

    @Override
    public String method() {
        return "autoprompt";
    }

    @Override
    public SearchResult search(LanguageModel model, List<String> inputs, List<String> outputs, Budget budget) {
        if (!cfg.prefixBeforeInput()) {
            throw new IllegalArgumentException("AutoPrompt here places the prompt before the input (prefixBeforeInput)");
        }
        long started = System.nanoTime();
        Random rng = new Random(cfg.seed());
        TextTokenizer tok = model.tokenizer();
        DataRows data = DataRows.build(inputs, outputs, cfg.nShots(), cfg.singleShotLoss(), cfg.maxNDatapoints(), rng);
        CandidateScorer scorer = new CandidateScorer(model, cfg, outputs);
        PromptPool pool = new PromptPool(cfg.popCriterion(), cfg.popTopkStrategy(), rng);
        List<TraceEntry> trace = new ArrayList<>();
        int n = cfg.numLearnedTokens();
        long[] prompt = initialPrompt(tok, n, rng, model.config().vocabSize());
        long[] preprefix = cfg.preprefix().isEmpty() ? new long[0] : tok.encode(cfg.preprefix());
        int position = rng.nextInt(n);
        int unchanged = 0;
        int steps = 0;
        long scored = 0;
        String stopReason = "epochs";
        StepBudget limits = new StepBudget(cfg.maxNSteps(), budget);
        try (Progress bar = Progress.start(method(), limits.maxSteps(), 0)) {
            outer:
            for (int epoch = 0; epoch < cfg.nEpochs(); epoch++) {
                List<DataRows.Row> order = new ArrayList<>(data.rows());
                Collections.shuffle(order, rng);
                for (int from = 0; from < order.size(); from += cfg.batchSize()) {
                    Interrupts.check();
                    List<DataRows.Row> batch = order.subList(from, Math.min(order.size(), from + cfg.batchSize()));
                    long[] swaps = bestSwaps(model, preprefix, prompt, position, batch);
                    List<long[]> candidates = new ArrayList<>();
                    candidates.add(prompt);
                    for (long id : swaps) {
                        long[] c = prompt.clone();
                        c[position] = id;
                        if (!Arrays.equals(c, prompt)) {
                            candidates.add(c);
                        }
                    }
                    List<CandidateScorer.Score> s = scorer.score(candidates, batch);
                    int best = 0;
                    for (int i = 0; i < candidates.size(); i++) {
                        pool.update(candidates.get(i), i == 0 ? "current" : "swap", s.get(i).loss(), s.get(i).accuracy());
                        trace.add(new TraceEntry(steps, i == 0 ? "current" : "swap", tok.decode(candidates.get(i)),
                                s.get(i).loss(), s.get(i).accuracy()));
                        if (s.get(i).loss() < s.get(best).loss()) {
                            best = i;
                        }
                    }
                    scored += candidates.size();
                    if (best != 0) {
                        prompt = candidates.get(best);
                        unchanged = 0;
                    } else {
                        unchanged++;
                    }
                    position = rng.nextInt(n);
                    steps++;
                    bar.update(steps, String.format("%s (loss %.3f)", tok.decode(prompt).strip(), s.get(best).loss()));
                    if (cfg.earlyStoppingSteps() >= 0 && unchanged >= cfg.earlyStoppingSteps()) {
                        stopReason = "early_stopping";
                        break outer;
                    }
                    if (limits.exhausted(steps) != null) {
                        stopReason = limits.exhausted(steps);
                        break outer;
                    }
                }
            }
        }
        List<RankedPrompt> ranked = new ArrayList<>();
        for (PromptPool.Entry e : pool.all()) {
            ranked.add(new RankedPrompt(tok.decode(e.ids), e.ids, e.meanLoss(), e.meanAccuracy(), e.evaluations()));
        }
        ranked.sort(RankedPrompt.BY_ACCURACY_THEN_LOSS);
        ObjectNode config = new ObjectMapper().valueToTree(cfg);
        config.put("numCandidates", numCandidates);
        config.put("init", init);
        return new SearchResult(method(), ranked, trace, config, steps, scored, scorer.tokensScored(),
                (System.nanoTime() - started) / 1e9, stopReason);
    }

    private long[] initialPrompt(TextTokenizer tok, int n, Random rng, int vocab) {
        long[] p = new long[n];
        if (init.equals("random")) {
            for (int i = 0; i < n; i++) {
                p[i] = rng.nextInt(vocab);
            }
            return p;
        }
        long[] ids = tok.encode(" " + init.strip());
        if (ids.length != 1) {
            ids = tok.encode(init);
        }
        Arrays.fill(p, ids[0]);
        return p;
    }

    /**
     * The {@code numCandidates} tokens whose embeddings point most against the loss gradient at
     * {@code position}: the first-order estimate of which swap lowers the loss most.
     */
    private long[] bestSwaps(LanguageModel model, long[] preprefix, long[] prompt, int position,
            List<DataRows.Row> batch) {
        TextTokenizer tok = model.tokenizer();
        SoftPrompts soft = model.softPrompts();
        List<SoftSequence> seqs = new ArrayList<>();
        for (DataRows.Row r : batch) {
            seqs.add(SoftSequence.builder().tokens(preprefix).soft(0, prompt.length)
                    .tokens(tok.encode(PromptLayout.BEFORE_INPUT + r.input())).targets(tok.encode(r.output())).build());
        }
        // the prompt's own embeddings as soft rows: the gradient there is the loss's slope along a swap
        SoftPromptLoss loss = soft.lossAndGradient(soft.embeddingRows(prompt), seqs);
        return soft.lowestScoringTokens(loss.gradient()[position], numCandidates);
    }
}
