package io.github.promptscope.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One JSON row per run: what ran, what came out, where and how.
 *
 * @param id         {@link RunConfig#id()}, also the file name
 * @param experiment the folder under {@code results/} the record lives in
 * @param status     {@link #DONE} or {@link #FAILED}
 * @param config     what ran
 * @param prompts    ranked output prompts, best first (empty for systems without prompts)
 * @param metrics    named numbers, paper names ({@code mrr}, {@code exact_match}, {@code rouge_l})
 * @param series     named per-step series, e.g. a search's {@code loss} and {@code n_correct} by step (left
 *                   out of the JSON when empty, so records without series read and write as before)
 * @param proposals  the prompts a search's proposal model generated, each distinct string once, in the
 *                   order first generated (the metric {@code proposals} counts them with repeats); left
 *                   out of the JSON when empty, as for series
 * @param provenance environment and timing
 * @param error      why it failed; null when done
 */
public record RunRecord(String id, String experiment, String status, RunConfig config, List<ScoredPrompt> prompts,
                        Map<String, Double> metrics,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<Double>> series,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> proposals,
                        Provenance provenance, RunError error) {

    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(config, "config");
        if (!status.equals(DONE) && !status.equals(FAILED)) {
            throw new IllegalArgumentException("status must be done or failed, got " + status);
        }
        if (!id.equals(config.id())) {
            throw new IllegalArgumentException("record id " + id + " does not match its config's id " + config.id());
        }
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        series = copySeries(series);
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
    }

    /** A record without proposals. */
    public RunRecord(String id, String experiment, String status, RunConfig config, List<ScoredPrompt> prompts,
                     Map<String, Double> metrics, Map<String, List<Double>> series, Provenance provenance,
                     RunError error) {
        this(id, experiment, status, config, prompts, metrics, series, List.of(), provenance, error);
    }

    /** A record without series. */
    public RunRecord(String id, String experiment, String status, RunConfig config, List<ScoredPrompt> prompts,
                     Map<String, Double> metrics, Provenance provenance, RunError error) {
        this(id, experiment, status, config, prompts, metrics, Map.of(), List.of(), provenance, error);
    }

    /** An immutable copy, names sorted; null is empty. */
    static Map<String, List<Double>> copySeries(Map<String, List<Double>> series) {
        if (series == null || series.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, List<Double>> out = new TreeMap<>();
        series.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    public static RunRecord done(String experiment, RunConfig config, List<ScoredPrompt> prompts,
                                 Map<String, Double> metrics, Provenance provenance) {
        return done(experiment, config, prompts, metrics, Map.of(), provenance);
    }

    public static RunRecord done(String experiment, RunConfig config, List<ScoredPrompt> prompts,
                                 Map<String, Double> metrics, Map<String, List<Double>> series, Provenance provenance) {
        return new RunRecord(config.id(), experiment, DONE, config, prompts, metrics, series, provenance, null);
    }

    /** A done record of what a run returned: its prompts, metrics, series and proposals. */
    public static RunRecord done(String experiment, RunConfig config, RunOutput out, Provenance provenance) {
        return new RunRecord(config.id(), experiment, DONE, config, out.prompts(), out.metrics(), out.series(),
                out.proposals(), provenance, null);
    }

    public static RunRecord failed(String experiment, RunConfig config, Throwable error, Provenance provenance) {
        return new RunRecord(config.id(), experiment, FAILED, config, List.of(), Map.of(), Map.of(), List.of(),
                provenance, RunError.of(error));
    }

    @JsonIgnore // derived from status; not a field of the JSON row
    public boolean isDone() {
        return DONE.equals(status);
    }
}
