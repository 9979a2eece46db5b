package io.github.promptscope.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.lm.GenerationCall;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.Generation;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
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

    /** A step's fresh samples and mutations, each a whole prompt. */
    private record Proposals(List<long[]> fresh, List<long[]> mutants) {}

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
        /** Every candidate scored and every prompt proposed, by its id in the pool. */
        final SearchTrace trace = new SearchTrace();
        final List<StepStats> series = new ArrayList<>();
        /** The proposal contexts of the rows used last, tokenized and cut to the proposer's positions. */
        final TokenCache<DataRows.Row> contexts = new TokenCache<>(TokenCache.ROWS);
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
            List<String> texts = pool.texts(genTok);
            return new SearchResult(method, fin.ranked(), trace.entries(texts), series, trace.proposals(texts), settings,
                    outcome.steps(), candidatesScored, scorer.tokensScored(), (System.nanoTime() - started) / 1e9,
                    outcome.stopReason());
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
                long[] p = generate(List.of(pick(contexts)), n, rng.nextLong()).get(0);
                trace.proposed(pool.initialize(p)); // a prompt already present keeps its statistics
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
            long freshSeed = randomContexts.isEmpty() ? 0 : rng.nextLong();
            // 5. mutations: keep the first t tokens (one t for all) of each parent (the population, then
            // the fresh ones) and let the model complete them
            int parents = population.size() + randomContexts.size();
            List<long[]> mctx = new ArrayList<>();
            int t = 0;
            long mutationSeed = 0;
            if (cfg.numMutations() > 0 && parents > 0) {
                t = rng.nextInt(n);
                for (int i = 0; i < cfg.numMutations() * parents; i++) {
                    mctx.add(pick(contexts));
                }
                mutationSeed = rng.nextLong();
            }
            Proposals generated = propose(population, randomContexts, freshSeed, mctx, t, mutationSeed);
            List<long[]> fresh = generated.fresh();
            List<long[]> mutants = generated.mutants();
            // 6. score every candidate on this batch and update the pool
            List<long[]> candidates = new ArrayList<>(population);
            candidates.addAll(fresh);
            candidates.addAll(mutants);
            List<String> origins = new ArrayList<>();
            population.forEach(p -> origins.add("population"));
            fresh.forEach(p -> origins.add("random"));
            mutants.forEach(p -> origins.add("mutation"));
            List<CandidateScorer.Score> scores = scorer.score(candidates, batch);
            int[] ids = new int[candidates.size()];
            for (int i = 0; i < candidates.size(); i++) {
                CandidateScorer.Score s = scores.get(i);
                ids[i] = pool.update(candidates.get(i), s.loss(), s.accuracy());
                trace.scored(steps, origins.get(i), ids[i], s.loss(), s.accuracy());
            }
            candidatesScored += candidates.size();
            series.add(StepStats.ofBest(steps, batch.size(), scores));
            // the step's proposals, fresh samples then mutants, follow the population among the candidates
            for (int i = population.size(); i < ids.length; i++) {
                trace.proposed(ids[i]);
            }
        }

        /**
         * {@code tok(start + "\n\n") + tok(text) + tok("\n\n" + end + P)}, each piece on its own (spec
         * 1.3), tokenized once per row while it is among the last {@link TokenCache#ROWS} used. Only its
         * last positions can reach the proposer ({@link #generate} keeps the end of a longer one), so no
         * more is kept.
         */
        long[] proposalContext(DataRows.Row r) {
            return contexts.get(r, row -> {
                String p = cfg.preprefix().isEmpty() ? "" : " " + cfg.preprefix().strip();
                long[] ids = TokenIds.concat(genTok.encode(cfg.proposalStart() + "\n\n"), genTok.encode(row.text()),
                        genTok.encode("\n\n" + cfg.proposalEnd() + p));
                int keep = gen.config().maxPositions();
                return ids.length <= keep ? ids : Arrays.copyOfRange(ids, ids.length - keep, ids.length);
            });
        }

        /**
         * The step's fresh samples (after {@code freshContexts}) and mutations (after {@code mutationContexts},
         * parent by parent for each repetition, keeping each parent's first {@code t} tokens): with the
         * local proposer one batch, the mutations of fresh samples fed their parents' tokens as they are
         * drawn; with another proposer two calls, as the reference makes. The same tokens either way.
         */
        Proposals propose(List<long[]> population, List<long[]> freshContexts, long freshSeed,
                List<long[]> mutationContexts, int t, long mutationSeed) {
            int n = cfg.numLearnedTokens();
            int parents = population.size() + freshContexts.size();
            List<long[]> fresh;
            List<long[]> grown;
            if (textProposer == null) {
                List<GenerationCall.Lead> noLeads = Collections.nCopies(freshContexts.size(), new GenerationCall.Given(new long[0]));
                List<GenerationCall.Lead> leads = new ArrayList<>();
                for (int i = 0; i < mutationContexts.size(); i++) {
                    int p = i % parents;
                    leads.add(p < population.size() ? new GenerationCall.Given(head(population.get(p), t))
                            : new GenerationCall.HeadOf(0, p - population.size(), t));
                }
                List<List<Generation>> out = gen.generateTogether(List.of(call(freshContexts, noLeads, n, freshSeed),
                        call(mutationContexts, leads, n - t, mutationSeed)));
                fresh = out.get(0).stream().map(Generation::tokens).toList();
                grown = out.get(1).stream().map(Generation::tokens).toList();
            } else {
                fresh = freshContexts.isEmpty() ? List.of() : generate(freshContexts, n, freshSeed);
                List<long[]> prompts = new ArrayList<>();
                for (int i = 0; i < mutationContexts.size(); i++) {
                    prompts.add(TokenIds.concat(mutationContexts.get(i), parentHead(population, fresh, i % parents, t)));
                }
                grown = mutationContexts.isEmpty() ? List.of() : generate(prompts, n - t, mutationSeed);
            }
            List<long[]> mutants = new ArrayList<>();
            for (int i = 0; i < grown.size(); i++) {
                mutants.add(TokenIds.concat(parentHead(population, fresh, i % parents, t), grown.get(i)));
            }
            return new Proposals(fresh, mutants);
        }

        /** A call of the step's batch: each context keeps the end that leaves room for its lead and new tokens. */
        GenerationCall call(List<long[]> contexts, List<GenerationCall.Lead> leads, int newTokens, long seed) {
            List<long[]> fitted = new ArrayList<>();
            for (int i = 0; i < contexts.size(); i++) {
                fitted.add(cutLeft(contexts.get(i), gen.config().maxPositions() - newTokens - leads.get(i).length()));
            }
            return new GenerationCall(fitted, leads, generation(newTokens, seed));
        }

        /** Parent {@code p} of a step's mutations (the population, then the fresh samples), cut to its first t tokens. */
        long[] parentHead(List<long[]> population, List<long[]> fresh, int p, int t) {
            return head(p < population.size() ? population.get(p) : fresh.get(p - population.size()), t);
        }

        long[] head(long[] prompt, int t) {
            return Arrays.copyOf(prompt, Math.min(t, prompt.length));
        }

        /**
         * Exactly {@code newTokens} sampled tokens after each prompt (pool filling, and every proposal
         * with another proposer). A prompt longer than the model's positions keeps its end, where "Prompt:" is.
         */
        List<long[]> generate(List<long[]> prompts, int newTokens, long seed) {
            List<long[]> fitted = prompts.stream().map(p -> cutLeft(p, gen.config().maxPositions() - newTokens)).toList();
            GenerationConfig g = generation(newTokens, seed);
            return textProposer == null ? gen.generateFromIds(fitted, g).stream().map(Generation::tokens).toList()
                    : textProposer.generate(fitted, g, genTok);
        }

        GenerationConfig generation(int newTokens, long seed) {
            return GenerationConfig.builder()
                    .maxNewTokens(newTokens).minNewTokens(newTokens)
                    .temperature(cfg.generationTemperature()).topK(cfg.generationTopK()).topP(cfg.generationTopP())
                    .repetitionPenalty(cfg.generationRepetitionPenalty()).bannedTexts(NO_NEWLINES)
                    .seed(seed).stopAtEos(false).build();
        }

        long[] cutLeft(long[] ids, int room) {
            return ids.length <= room ? ids : Arrays.copyOfRange(ids, ids.length - room, ids.length);
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
