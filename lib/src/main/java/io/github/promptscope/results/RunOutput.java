package io.github.promptscope.results;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run of a sweep returns; the runner adds config and provenance to make the record.
 *
 * @param prompts      ranked prompts, best first
 * @param metrics      named numbers
 * @param tokensScored tokens the LM processed, for provenance
 * @param series       named per-step series (e.g. a search's loss by step); empty for most runs
 * @param proposals    a search's distinct proposals in the order first generated ({@link RunRecord#proposals});
 *                     empty for runs that propose nothing
 */
public record RunOutput(List<ScoredPrompt> prompts, Map<String, Double> metrics, long tokensScored,
                        Map<String, List<Double>> series, List<String> proposals) {
    public RunOutput {
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        series = RunRecord.copySeries(series);
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
    }

    public RunOutput(List<ScoredPrompt> prompts, Map<String, Double> metrics, long tokensScored,
                     Map<String, List<Double>> series) {
        this(prompts, metrics, tokensScored, series, List.of());
    }

    public RunOutput(List<ScoredPrompt> prompts, Map<String, Double> metrics, long tokensScored) {
        this(prompts, metrics, tokensScored, Map.of());
    }
}
