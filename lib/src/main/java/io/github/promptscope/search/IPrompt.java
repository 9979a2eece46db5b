package io.github.promptscope.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.Generation;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * iPrompt (Singh, Morris et al., spec {@code iprompt.md}): find a natural-language prompt under
 * which the model best produces the outputs from the inputs. Each step the language model proposes
 * prompts from the data ({@code Data: ... Prompt:}), the pool's best are kept, mutated by cutting
 * them short and letting the model complete them again, and every candidate is reranked by how
 * well it makes the model produce the outputs. Steps follow the reference API one for one (spec
 * 1.7); every random choice comes from one seeded generator, so a run can be repeated exactly.
 */
public final class IPrompt implements PromptSearch {

    /**
     * Version of this search's algorithm, recorded with every run: raise it when a change makes the
     * same settings give other prompts, so a sweep reruns what the older code recorded. 2: the
     * reference-parity search (records without the field came from the code before it, commit 25bedbc).
     */
    public static final String ALGORITHM = "iprompt-2";

    private static final List<String> NO_NEWLINES = List.of("\n", "\n\n", "\n\n\n");

    private final IPromptConfig cfg;
    private final LanguageModel proposer;
    private final TextModelProposer textProposer;
    private final boolean generationOrder;
    private final String method;

    public IPrompt(IPromptConfig cfg) {
        this(cfg, null, false, "iprompt");
    }

    /** With a separate proposal model (the reference's {@code generation_checkpoint}). */
    public IPrompt(IPromptConfig cfg, LanguageModel proposer) {
        this(cfg, proposer, false, "iprompt");
    }

    IPrompt(IPromptConfig cfg, LanguageModel proposer, boolean generationOrder, String method) {
        this(cfg, proposer, null, generationOrder, method);
    }

    private IPrompt(IPromptConfig cfg, LanguageModel proposer, TextModelProposer textProposer, boolean generationOrder,
            String method) {
        this.cfg = cfg;
        this.proposer = proposer;
        this.textProposer = textProposer;
        this.generationOrder = generationOrder;
        this.method = method;
    }

    /**
     * The same search with its proposals drawn from {@code proposer} (the reference's {@code llm_api}):
     * a remote endpoint or any other {@link TextModel}. Contexts go out as the scoring model's token
     * ids and each proposal step is one batch request with every generation setting, so the endpoint
     * must share the scoring model's tokenizer; PromptScope's {@code serve} of the same checkpoint
     * then gives exactly the local proposer's prompts for the same seed. The local proposer stays
     * the default.
     */
    public IPrompt withProposer(TextModel proposer) {
        return new IPrompt(cfg, null, new TextModelProposer(proposer, true), generationOrder, method);
    }

    /**
     * The same with a proposer that only speaks text (any OpenAI-compatible completions endpoint,
     * whatever its tokenizer): contexts are sent as text, one request each, and the answers are
     * tokenized with the scoring model's tokenizer. Not bit-for-bit the local proposer.
     */
    public IPrompt withTextProposer(TextModel proposer) {
        return new IPrompt(cfg, null, new TextModelProposer(proposer, false), generationOrder, method);
    }

    public IPromptConfig config() {
        return cfg;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public SearchResult search(LanguageModel model, List<String> inputs, List<String> outputs, Budget budget) {
        PromptLength.check(model, cfg, outputs);
        return new Run(model, proposer == null ? model : proposer, inputs, outputs, budget).execute();
    }

    /** The state of one search. */
    private final class Run {
        final LanguageModel model;
        final LanguageModel gen;
        final TextTokenizer genTok;
        final Random rng = new Random(cfg.seed());
        final DataRows data;
        final CandidateScorer scorer;
        final PromptPool pool;
        final Budget budget;
        final List<TraceEntry> trace = new ArrayList<>();
        final List<StepStats> series = new ArrayList<>();
        final List<String> proposals = new ArrayList<>();
        /** Each row's proposal context, tokenized on its first use and cut to the proposer's positions. */
        final Map<DataRows.Row, long[]> contexts = new IdentityHashMap<>();
        final long started = System.nanoTime();
        long candidatesScored;

        Run(LanguageModel model, LanguageModel gen, List<String> inputs, List<String> outputs, Budget budget) {
            this.model = model;
            this.gen = gen;
            this.genTok = gen.tokenizer();
            this.budget = budget;
            this.data = DataRows.build(inputs, outputs, cfg.nShots(), cfg.singleShotLoss(), cfg.maxNDatapoints(), rng);
            this.scorer = new CandidateScorer(model, cfg, data.rows().stream().map(DataRows.Row::output).toList());
            this.pool = new PromptPool(cfg.popCriterion(), cfg.popTopkStrategy(), rng);
        }

        SearchResult execute() {
            EarlyStopping early = new EarlyStopping(cfg.earlyStoppingSteps());
            SearchLoop loop = new SearchLoop(method + " " + model.dtype().label(), cfg.batchSize(), cfg.nEpochs(), cfg.maxNDatapoints());
            SearchLoop.Outcome outcome = loop.run(data.rows(), rng, budget, (step, batch) -> {
                step(step, batch);
                PromptPool.Entry best = pool.topk(1, 0).get(0);
                String status = String.format("best %s (loss %.3f)", genTok.decode(best.ids).strip(), best.meanLoss());
                return new SearchLoop.StepReport(status, early.stop(pool));
            });
            FinalRanking.Outcome fin = FinalRanking.rank(pool, cfg.doFinalReranking(), generationOrder, data.rows(),
                    scorer::score, cfg.batchSize(), rng, genTok);
            candidatesScored += fin.candidatesScored();
            ObjectNode settings = new ObjectMapper().valueToTree(cfg);
            settings.put("maxNSteps", budget.maxSteps()); // the step limit, under the name records use
            if (textProposer != null) {
                settings.put("proposer", textProposer.name());
                settings.put("proposerInput", textProposer.input());
            }
            return new SearchResult(method, fin.ranked(), trace, series, proposals, settings, outcome.steps(),
                    candidatesScored, scorer.tokensScored(), (System.nanoTime() - started) / 1e9, outcome.stopReason());
        }

        /** One step of spec 1.7 on one batch of rows. */
        void step(int steps, List<DataRows.Row> batch) {
            List<long[]> contexts = new ArrayList<>();
            for (DataRows.Row r : batch) {
                contexts.add(proposalContext(r));
            }
            int n = cfg.numLearnedTokens();
            // 2. fill the pool once, one prompt at a time, from random rows' contexts
            int attempts = 0;
            while (pool.size() < cfg.popSize() && attempts++ < 20 * cfg.popSize()) {
                long[] p = generate(List.of(pick(contexts)), List.of(new long[0]), n).get(0);
                proposals.add(genTok.decode(p));
                if (!pool.contains(p)) {
                    pool.initialize(p, "init");
                }
            }
            // 3. the population: popSize drawn (by position, without replacement) from the top popSize + 4
            List<PromptPool.Entry> top = new ArrayList<>(pool.topk(cfg.popSize() + 4, 0));
            Collections.shuffle(top, rng);
            List<long[]> population = new ArrayList<>();
            for (int i = 0; i < Math.min(cfg.popSize(), top.size()); i++) {
                population.add(top.get(i).ids);
            }
            // 4. fresh generations, each from a random row
            List<long[]> randomContexts = new ArrayList<>();
            for (int i = 0; i < cfg.numRandomGenerations(); i++) {
                randomContexts.add(pick(contexts));
            }
            List<long[]> fresh = randomContexts.isEmpty() ? List.of()
                    : generate(randomContexts, Collections.nCopies(randomContexts.size(), new long[0]), n);
            // 5. mutations: keep the first t tokens (one t for all) and let the model complete them
            List<long[]> parents = new ArrayList<>(population);
            parents.addAll(fresh);
            List<long[]> mutants = new ArrayList<>();
            if (cfg.numMutations() > 0 && !parents.isEmpty()) {
                int t = rng.nextInt(n);
                List<long[]> mctx = new ArrayList<>();
                List<long[]> keep = new ArrayList<>();
                for (int rep = 0; rep < cfg.numMutations(); rep++) {
                    for (long[] p : parents) {
                        mctx.add(pick(contexts));
                        keep.add(Arrays.copyOf(p, Math.min(t, p.length)));
                    }
                }
                mutants = generate(mctx, keep, n - t);
            }
            // 6. score every candidate on this batch and update the pool
            List<long[]> candidates = new ArrayList<>(population);
            candidates.addAll(fresh);
            candidates.addAll(mutants);
            List<String> origins = new ArrayList<>();
            population.forEach(p -> origins.add("population"));
            fresh.forEach(p -> origins.add("random"));
            mutants.forEach(p -> origins.add("mutation"));
            List<CandidateScorer.Score> scores = scorer.score(candidates, batch);
            for (int i = 0; i < candidates.size(); i++) {
                CandidateScorer.Score s = scores.get(i);
                pool.update(candidates.get(i), origins.get(i), s.loss(), s.accuracy());
                trace.add(new TraceEntry(steps, origins.get(i), genTok.decode(candidates.get(i)), s.loss(), s.accuracy()));
            }
            candidatesScored += candidates.size();
            series.add(StepStats.ofBest(steps, batch.size(), scores));
            fresh.forEach(p -> proposals.add(genTok.decode(p)));
            mutants.forEach(p -> proposals.add(genTok.decode(p)));
        }

        /**
         * {@code tok(start + "\n\n") + tok(text) + tok("\n\n" + end + P)}, each piece on its own (spec
         * 1.3), tokenized once per row. Only its last positions can reach the proposer ({@link #generate}
         * keeps the end of a longer one), so no more is kept.
         */
        long[] proposalContext(DataRows.Row r) {
            return contexts.computeIfAbsent(r, row -> {
                String p = cfg.preprefix().isEmpty() ? "" : " " + cfg.preprefix().strip();
                long[] ids = TokenIds.concat(genTok.encode(cfg.proposalStart() + "\n\n"), genTok.encode(row.text()),
                        genTok.encode("\n\n" + cfg.proposalEnd() + p));
                int keep = gen.config().maxPositions();
                return ids.length <= keep ? ids : Arrays.copyOfRange(ids, ids.length - keep, ids.length);
            });
        }

        /** Completes each {@code keep[i]} after {@code contexts[i]} with exactly {@code newTokens} sampled tokens. */
        List<long[]> generate(List<long[]> contexts, List<long[]> keep, int newTokens) {
            if (newTokens == 0) {
                return keep.stream().map(long[]::clone).toList();
            }
            List<long[]> prompts = new ArrayList<>();
            int room = gen.config().maxPositions() - newTokens;
            boolean cut = false;
            for (int i = 0; i < contexts.size(); i++) {
                long[] p = TokenIds.concat(contexts.get(i), keep.get(i));
                // a context longer than the model's positions keeps its end, where "Prompt:" is
                prompts.add(p.length <= room ? p : Arrays.copyOfRange(p, p.length - room, p.length));
                cut |= p.length > room;
            }
            GenerationConfig g = GenerationConfig.builder()
                    .maxNewTokens(newTokens).minNewTokens(newTokens)
                    .temperature(cfg.generationTemperature()).topK(cfg.generationTopK()).topP(cfg.generationTopP())
                    .repetitionPenalty(cfg.generationRepetitionPenalty()).bannedTexts(NO_NEWLINES)
                    .seed(rng.nextLong()).stopAtEos(false).build();
            List<long[]> out;
            if (textProposer == null && !cut) {
                // each of the step's proposal contexts runs once for all the samples drawn from it: the same tokens
                out = gen.generateAfter(contexts, keep, g).stream().map(Generation::tokens).toList();
            } else if (textProposer == null) {
                out = gen.generateFromIds(prompts, g).stream().map(Generation::tokens).toList();
            } else {
                out = textProposer.generate(prompts, g, genTok);
            }
            List<long[]> result = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                result.add(TokenIds.concat(keep.get(i), out.get(i)));
            }
            return result;
        }

        <T> T pick(List<T> xs) {
            return xs.get(rng.nextInt(xs.size()));
        }
    }

    /** Stops when the top 5 (each evaluated more than 3 times) is the same set for this many steps. */
    private static final class EarlyStopping {
        private final int patience;
        private Set<List<Long>> previous = Set.of();
        private int unchanged;

        EarlyStopping(int patience) {
            this.patience = patience;
        }

        boolean stop(PromptPool pool) {
            if (patience < 0) {
                return false;
            }
            Set<List<Long>> top = new HashSet<>();
            // the distinct top 5, without topk's random padding: the seed's stream is the same with or without early stopping
            for (PromptPool.Entry e : pool.topkDistinct(5, 3)) {
                top.add(PromptPool.key(e.ids));
            }
            if (top.size() == 5 && top.equals(previous)) {
                unchanged++;
            } else {
                unchanged = 0;
                previous = top;
            }
            return unchanged >= patience;
        }
    }
}
