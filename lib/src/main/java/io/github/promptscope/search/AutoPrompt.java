package io.github.promptscope.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.SoftPromptLoss;
import io.github.promptscope.lm.SoftPrompts;
import io.github.promptscope.lm.SoftSequence;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * AutoPrompt (spec section 2): gradient-guided token swaps. Each step the gradient of the output
 * loss with respect to the prompt's input embeddings, dotted with every vocabulary embedding,
 * ranks replacement tokens for one position; the {@code numCandidates} most promising are scored
 * on the batch and the best is adopted if it lowers the loss. The reference took the candidates
 * from position 0's ranking whatever the swap position (a bug); here they come from the swap
 * position. Final ranking is iPrompt's ({@link FinalRanking}: reranked when {@code doFinalReranking}),
 * and the search stops on the same datapoint limit ({@code maxNDatapoints}), as in the reference.
 */
public final class AutoPrompt implements PromptSearch {

    /** Version of this baseline's algorithm, recorded with every run (see {@link IPrompt#ALGORITHM}). */
    public static final String ALGORITHM = "autoprompt-2";

    private final IPromptConfig cfg;
    private final int numCandidates;
    private final String init;
    private final Seams seams;

    /**
     * @param cfg shared settings (prompt length, batch, shots, early stopping, seed, ranking)
     * @param numCandidates replacement tokens tried per step (reference: 32)
     * @param init initial token repeated N times (reference: "the"); "random" for uniform ids
     */
    public AutoPrompt(IPromptConfig cfg, int numCandidates, String init) {
        this(cfg, numCandidates, init, null);
    }

    private AutoPrompt(IPromptConfig cfg, int numCandidates, String init, Seams seams) {
        this.cfg = cfg;
        this.numCandidates = numCandidates;
        this.init = init;
        this.seams = seams;
    }

    public static AutoPrompt defaults(IPromptConfig cfg) {
        return new AutoPrompt(cfg, 32, "the");
    }

    /** Where a step's replacement tokens come from: ids for {@code position} of {@code prompt}. */
    @FunctionalInterface
    interface Swaps {
        long[] propose(long[] prompt, int position, List<DataRows.Row> batch);
    }

    /** How a step's candidates are scored on its batch (the current prompt first). */
    @FunctionalInterface
    interface Scoring {
        List<CandidateScorer.Score> score(List<long[]> candidates, List<DataRows.Row> batch);
    }

    /** Replaced parts, for tests that construct a step's outcome; null fields keep the real ones. */
    record Seams(Swaps swaps, Scoring scoring) {}

    /** This search with some of its parts replaced (tests). */
    AutoPrompt withSeams(Seams replaced) {
        return new AutoPrompt(cfg, numCandidates, init, replaced);
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
        PromptLength.check(model, cfg, outputs);
        long started = System.nanoTime();
        Random rng = new Random(cfg.seed());
        TextTokenizer tok = model.tokenizer();
        DataRows data = DataRows.build(inputs, outputs, cfg.nShots(), cfg.singleShotLoss(), cfg.maxNDatapoints(), rng);
        CandidateScorer scorer = new CandidateScorer(model, cfg, data.rows().stream().map(DataRows.Row::output).toList());
        PromptPool pool = new PromptPool(cfg.popCriterion(), cfg.popTopkStrategy(), rng);
        int n = cfg.numLearnedTokens();
        long[] preprefix = cfg.preprefix().isEmpty() ? new long[0] : tok.encode(cfg.preprefix());
        Swaps swaps = seams != null && seams.swaps() != null ? seams.swaps()
                : (prompt, position, batch) -> bestSwaps(model, scorer, preprefix, prompt, position, batch);
        Scoring scoring = seams != null && seams.scoring() != null ? seams.scoring() : scorer::score;
        Walk walk = new Walk(initialPrompt(tok, n, rng, model.config().vocabSize()), rng.nextInt(n));
        SearchTrace trace = new SearchTrace();
        List<StepStats> series = new ArrayList<>();
        // the reference's training loop stops on max_n_datapoints whatever the method
        SearchLoop loop = new SearchLoop(method() + " " + model.dtype().label(), cfg.batchSize(), cfg.nEpochs(), cfg.maxNDatapoints());
        SearchLoop.Outcome outcome = loop.run(data.rows(), rng, budget, (step, batch) -> {
            long[] prompt = walk.prompt;
            List<long[]> candidates = new ArrayList<>();
            candidates.add(prompt);
            for (long id : swaps.propose(prompt, walk.position, batch)) {
                long[] c = prompt.clone();
                c[walk.position] = id;
                if (!Arrays.equals(c, prompt)) {
                    candidates.add(c);
                }
            }
            List<CandidateScorer.Score> s = scoring.score(candidates, batch);
            int best = 0;
            for (int i = 0; i < candidates.size(); i++) {
                String origin = i == 0 ? "current" : "swap";
                int id = pool.update(candidates.get(i), s.get(i).loss(), s.get(i).accuracy());
                trace.scored(step, origin, id, s.get(i).loss(), s.get(i).accuracy());
                if (s.get(i).loss() < s.get(best).loss()) {
                    best = i;
                }
            }
            walk.scored += candidates.size();
            if (best != 0) {
                walk.prompt = candidates.get(best);
                walk.unchanged = 0;
            } else {
                walk.unchanged++;
            }
            walk.position = rng.nextInt(n);
            // the reference's step returns the kept prompt's loss and correct count
            series.add(new StepStats(step, batch.size(), s.get(best).loss(), s.get(best).correct(),
                    StepStats.meanLoss(s), StepStats.meanAccuracy(s)));
            String status = String.format("%s (loss %.3f)", tok.decode(walk.prompt).strip(), s.get(best).loss());
            return new SearchLoop.StepReport(status, cfg.earlyStoppingSteps() >= 0 && walk.unchanged >= cfg.earlyStoppingSteps());
        });
        FinalRanking.Outcome fin = FinalRanking.rank(pool, cfg.doFinalReranking(), false, data.rows(),
                scoring::score, cfg.batchSize(), rng, tok);
        ObjectNode config = new ObjectMapper().valueToTree(cfg);
        config.put("maxNSteps", budget.maxSteps()); // the step limit, under the name records use
        config.put("numCandidates", numCandidates);
        config.put("init", init);
        return new SearchResult(method(), fin.ranked(), trace.entries(pool.texts(tok)), series, List.of(), config, outcome.steps(),
                walk.scored + fin.candidatesScored(), scorer.tokensScored(),
                (System.nanoTime() - started) / 1e9, outcome.stopReason());
    }

    /** Where the search stands between steps: the current prompt, the next swap position, counters. */
    private static final class Walk {
        long[] prompt;
        int position;
        int unchanged;
        long scored;

        Walk(long[] prompt, int position) {
            this.prompt = prompt;
            this.position = position;
        }
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
    private long[] bestSwaps(LanguageModel model, CandidateScorer scorer, long[] preprefix, long[] prompt, int position,
            List<DataRows.Row> batch) {
        SoftPrompts soft = model.softPrompts();
        List<SoftSequence> seqs = new ArrayList<>();
        for (DataRows.Row r : batch) {
            // the ids the candidates are scored on: tokenized once, the input cut to the scored sequence
            seqs.add(SoftSequence.builder().tokens(preprefix).soft(0, prompt.length)
                    .tokens(scorer.context(r, prompt.length)).targets(scorer.target(r)).build());
        }
        // the prompt's own embeddings as soft rows: the gradient there is the loss's slope along a swap
        SoftPromptLoss loss = soft.lossAndGradient(soft.embeddingRows(prompt), seqs);
        return soft.lowestScoringTokens(loss.gradient()[position], numCandidates);
    }
}
