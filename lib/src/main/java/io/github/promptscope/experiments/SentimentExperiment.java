package io.github.promptscope.experiments;

import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.HeldOutAccuracy;
import io.github.promptscope.metrics.HeldOutAccuracy.Placement;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunOutput;
import io.github.promptscope.results.ScoredPrompt;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.results.SweepRunner;
import io.github.promptscope.search.Budget;
import io.github.promptscope.search.IPrompt;
import io.github.promptscope.search.IPromptConfig;
import io.github.promptscope.search.RankedPrompt;
import io.github.promptscope.search.SearchResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's sentiment experiment (iPrompt spec sections 1.10 and 5, {@code 06_sentiment.ipynb}):
 * prompt after the input, answer mask on, one shot; the accuracy on held-out rows of no prompt,
 * three human-written prompts and iPrompt's best prompt (searched on the training rows, per seed and
 * prompt length), scored in single-token masked mode ({@link HeldOutAccuracy#masked}) as the paper
 * scores sentiment. One record per (dataset, method, seed[, tokens]), resumable and atomic through
 * {@link SweepRunner}; the datasets are {@link SentimentData}'s.
 *
 * <pre>{@code
 * SweepReport r = SentimentExperiment.of(lm).datasets("synthetic").seeds(1, 2, 3).tokens(6, 12)
 *         .run(RecordStore.of("sentiment"));
 * Table t = SentimentTables.accuracy(Results.load(store.dir()));
 * }</pre>
 */
public final class SentimentExperiment {

    /** Metric names in the records. */
    public static final String ACCURACY = "heldout_accuracy";
    public static final String NONE = "none";
    public static final String IPROMPT = "iprompt";
    /** Held-out rows per dataset and seed: the paper's 200 test examples. */
    public static final int PAPER_TEST_ROWS = 200;

    private final LanguageModel model;
    private Path dataDir;
    private List<SentimentData.Source> datasets = List.of(SentimentData.source(SentimentData.SYNTHETIC));
    private List<Long> seeds = List.of(1L, 2L, 3L);
    private List<Integer> tokens = List.of(6, 12);
    private int steps = 30;
    private int examples = 300; // the synthetic task has 288 distinct sentences: all of them
    private int maxTest = PAPER_TEST_ROWS;
    /** Datasets read once per seed: a large file is parsed once, not once per configuration. */
    private final Map<String, Dataset> loaded = new ConcurrentHashMap<>();

    private SentimentExperiment(LanguageModel model) {
        this.model = model;
    }

    public static SentimentExperiment of(LanguageModel model) {
        return new SentimentExperiment(model);
    }

    /** The folder holding the corpora's files (see {@link SentimentData}); not needed for "synthetic". */
    public SentimentExperiment dataDir(Path dir) {
        this.dataDir = dir;
        return this;
    }

    /**
     * Dataset names (an unknown one fails here). The files they need are checked, and hashed, when the
     * configurations are made ({@link #configs()}), so a missing file stops a run before anything runs.
     */
    public SentimentExperiment datasets(String... names) {
        List<SentimentData.Source> out = new ArrayList<>();
        for (String n : names) {
            out.add(SentimentData.source(n));
        }
        this.datasets = out;
        return this;
    }

    public SentimentExperiment seeds(long... s) {
        this.seeds = java.util.Arrays.stream(s).boxed().toList();
        return this;
    }

    /** Prompt lengths searched (the paper's 6 and 12). */
    public SentimentExperiment tokens(int... t) {
        for (int x : t) {
            if (x < 1) {
                throw new IllegalArgumentException("--tokens must be >= 1, got " + x);
            }
        }
        this.tokens = java.util.Arrays.stream(t).boxed().toList();
        return this;
    }

    /** Most search steps per iPrompt run (default 30). */
    public SentimentExperiment steps(int n) {
        this.steps = n;
        return this;
    }

    /** Examples generated for the synthetic task (files use every row). */
    public SentimentExperiment examples(int n) {
        this.examples = n;
        return this;
    }

    /** At most this many held-out rows per dataset and seed (default 200, the paper's). */
    public SentimentExperiment maxTest(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--max-test must be >= 1, got " + n);
        }
        this.maxTest = n;
        return this;
    }

    /** The search settings of the paper's sentiment runs (spec 1.10) on the CPU-sized quick preset. */
    static IPromptConfig search(int numTokens, long seed) {
        return IPromptConfig.quick().toBuilder().numLearnedTokens(numTokens).nShots(1).prefixBeforeInput(false)
                .maskPossibleAnswers(true).generationRepetitionPenalty(1.0).seed(seed).build();
    }

    /** Per dataset and seed: no prompt, the human prompts, then iPrompt at each prompt length. */
    public List<RunConfig> configs() {
        List<RunConfig> out = new ArrayList<>();
        for (SentimentData.Source s : datasets) {
            Map<String, Object> data = SentimentData.identity(s, dataDir);
            for (long seed : seeds) {
                out.add(config(s, NONE, seed, data, Map.of("prompt", "")));
                for (int h = 0; h < s.human().size(); h++) {
                    out.add(config(s, "human_" + (h + 1), seed, data, Map.of("prompt", s.human().get(h))));
                }
                for (int t : tokens) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("tokens", t);
                    p.put("search", SearchRecords.params(search(t, seed), Budget.steps(steps)));
                    out.add(config(s, IPROMPT, seed, data, p));
                }
            }
        }
        return out;
    }

    private RunConfig config(SentimentData.Source s, String method, long seed, Map<String, Object> data,
            Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>(data);
        if (s.file() == null) {
            p.put("n", examples);
        }
        p.put("max_test", maxTest);
        p.put("scoring", "masked");
        p.put("placement", "after_input");
        p.putAll(extra);
        return RunConfig.of("iprompt-sentiment", method, s.name(), seed,
                model.dir().toAbsolutePath().normalize().getFileName().toString(), model.weightsSha256(), p);
    }

    /** Runs every configuration without a completed record in {@code store}. */
    public SweepReport run(RecordStore store, boolean progressBar) {
        return SweepRunner.into(store).progressBar(progressBar).run(configs(), this::evaluate);
    }

    public SweepReport run(RecordStore store) {
        return run(store, true);
    }

    RunOutput evaluate(RunConfig c) {
        Dataset d = loaded.computeIfAbsent(c.dataset() + "/" + c.seed(),
                k -> SentimentData.dataset(SentimentData.source(c.dataset()), dataDir, c.seed(), examples));
        List<Example> test = d.test().subList(0, Math.min(maxTest, d.test().size()));
        JsonNode p = c.params();
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<ScoredPrompt> prompts = new ArrayList<>();
        String prompt;
        long tokensScored = 0;
        if (c.method().equals(IPROMPT)) {
            List<Example> train = d.train();
            SearchResult r = new IPrompt(search(p.path("tokens").asInt(), c.seed())).search(model,
                    train.stream().map(Example::input).toList(), train.stream().map(Example::output).toList(),
                    Budget.steps(steps));
            prompt = r.best().text();
            for (RankedPrompt rp : r.ranked().subList(0, Math.min(10, r.ranked().size()))) {
                prompts.add(new ScoredPrompt(rp.text(), rp.meanAccuracy(), rp.meanLoss(), rp.evaluations()));
            }
            metrics.put("train_accuracy", r.best().meanAccuracy());
            metrics.put("steps", (double) r.steps());
            metrics.put("search_seconds", r.seconds());
            tokensScored = r.tokensScored();
        } else {
            prompt = p.path("prompt").asText();
        }
        HeldOutAccuracy.Result held = HeldOutAccuracy.masked(model, prompt, test, Placement.AFTER_INPUT);
        metrics.put(ACCURACY, held.accuracy());
        metrics.put("masked_choices", (double) held.choices());
        metrics.put("test_rows", (double) test.size());
        if (prompts.isEmpty()) {
            prompts.add(new ScoredPrompt(prompt, held.accuracy(), Double.NaN));
        }
        return new RunOutput(prompts, metrics, tokensScored);
    }
}
