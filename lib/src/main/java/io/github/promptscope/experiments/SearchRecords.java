package io.github.promptscope.experiments;

import io.github.promptscope.results.Json;
import io.github.promptscope.results.Provenance;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunOutput;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.ScoredPrompt;

import io.github.promptscope.lm.Dtype;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.Recovery;
import io.github.promptscope.search.Budget;
import io.github.promptscope.search.IPromptConfig;
import io.github.promptscope.search.Methods;
import io.github.promptscope.search.RankedPrompt;
import io.github.promptscope.search.SearchResult;
import io.github.promptscope.search.StepStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Turns a prompt search's result into a run record: what ran (method, dataset, seed, model and the
 * hash of its weights, every setting), the ranked prompts, and the paper's recovery metrics when
 * the ground truth's keywords are known (rank of the first correct prompt, reciprocal rank,
 * whether the top prompt is correct), each kept prompt's evaluations, and the per-step series a
 * loss curve is drawn from ({@link #series}), and the proposals: each distinct string once, in the
 * order first generated (a 30-step math search generates about 1,600, about 570 of them distinct),
 * while the metrics count them with repeats.
 */
public final class SearchRecords {

    /** How many ranked prompts a record keeps (the rank metric uses all of them). */
    public static final int KEPT_PROMPTS = 64;

    private SearchRecords() {}

    /**
     * The configuration a search run is identified by, for {@code explain} and sweeps alike: its id
     * decides whether a sweep must run it and which file a record goes to. It covers everything that
     * changes the result: the method and its algorithm's version ({@link Methods#algorithm}), the
     * rows searched (their hash, and how they were made), the model (named by its folder's name and
     * identified by its weights' hash, not by an absolute path, so records made on one machine are
     * recognised as done on another), every search setting and the budget, steps and time.
     *
     * <p>Params: {@code algorithm}, {@code data} ({@link SearchedRows#params}) and {@code search}
     * ({@link #params}). Records made before the algorithm was versioned have no {@code algorithm}
     * and so other ids: they stay readable, and a sweep runs their configurations again.
     */
    public static RunConfig config(String method, SearchedRows rows, LanguageModel model, IPromptConfig cfg,
            Budget budget) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("algorithm", Methods.algorithm(method));
        p.put("data", rows.params());
        p.put("search", params(cfg, budget));
        if (model.dtype() != Dtype.FLOAT32) {
            // a bfloat16 run scores differently, so it is another configuration; float32 adds nothing,
            // which keeps the ids of every record made before --dtype existed
            p.put("dtype", model.dtype().label());
        }
        return RunConfig.of("iprompt", method, rows.dataset(), cfg.seed(), model.dir().toAbsolutePath().normalize()
                .getFileName().toString(), model.weightsSha256(), p);
    }

    /**
     * A search's settings as record parameters: the config's fields, the budget's step limit under
     * {@code maxNSteps} (the reference API's name) and its time limit, when it has one, under
     * {@code maxMinutes}.
     */
    public static Map<String, Object> params(IPromptConfig cfg, Budget budget) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = new LinkedHashMap<>(Json.MAPPER.convertValue(cfg, Map.class));
        p.put("maxNSteps", budget.maxSteps());
        budget.timeLimit().ifPresent(t -> p.put("maxMinutes", t.toMillis() / 60_000.0));
        return p;
    }

    public static RunOutput output(SearchResult r, Pattern keywords) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (keywords != null) {
            long rank = Recovery.rank(r.prompts(), keywords);
            metrics.put("rank", (double) rank);
            metrics.put("reciprocal_rank", Recovery.reciprocalRank(rank));
            metrics.put("top1_correct", rank == 0 ? 1.0 : 0.0);
        }
        if (!r.ranked().isEmpty()) {
            metrics.put("top1_accuracy", r.best().meanAccuracy());
            metrics.put("top1_loss", r.best().meanLoss());
        }
        metrics.put("steps", (double) r.steps());
        metrics.put("candidates_scored", (double) r.candidatesScored());
        metrics.put("search_seconds", r.seconds());
        List<String> distinct = r.proposals().stream().distinct().toList();
        metrics.put("proposals", (double) r.proposals().size());
        metrics.put("distinct_proposals", (double) distinct.size());
        List<ScoredPrompt> prompts = new ArrayList<>();
        for (RankedPrompt p : r.ranked().subList(0, Math.min(KEPT_PROMPTS, r.ranked().size()))) {
            prompts.add(new ScoredPrompt(p.text(), p.meanAccuracy(), p.meanLoss(), p.evaluations()));
        }
        return new RunOutput(prompts, metrics, r.tokensScored(), series(r), distinct);
    }

    /**
     * The per-step series of a search as arrays of numbers, one entry per step: {@code loss} and
     * {@code n_correct} (the reference's {@code all_losses} and {@code all_n_correct}, see
     * {@link StepStats}), {@code rows} (the batch's size), and {@code mean_loss} and
     * {@code mean_accuracy} over the step's candidates. Empty for a search of no steps.
     */
    public static Map<String, List<Double>> series(SearchResult r) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        if (r.series().isEmpty()) {
            return out;
        }
        out.put("loss", column(r, StepStats::loss));
        out.put("n_correct", column(r, StepStats::nCorrect));
        out.put("rows", column(r, StepStats::rows));
        out.put("mean_loss", column(r, StepStats::meanLoss));
        out.put("mean_accuracy", column(r, StepStats::meanAccuracy));
        return out;
    }

    private static List<Double> column(SearchResult r, ToDoubleFunction<StepStats> f) {
        return r.series().stream().map(s -> f.applyAsDouble(s)).toList();
    }

    public static RunRecord record(String experiment, RunConfig config, SearchResult r, Pattern keywords,
            Instant start, Instant end) {
        RunOutput out = output(r, keywords);
        return RunRecord.done(experiment, config, out, Provenance.capture(start, end, out.tokensScored()));
    }
}
