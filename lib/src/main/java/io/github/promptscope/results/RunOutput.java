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
 */
public record RunOutput(List<ScoredPrompt> prompts, Map<String, Double> metrics, long tokensScored,
                        Map<String, List<Double>> series) {
    public RunOutput {
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        series = RunRecord.copySeries(series);
    }

    public RunOutput(List<ScoredPrompt> prompts, Map<String, Double> metrics, long tokensScored) {
        this(prompts, metrics, tokensScored, Map.of());
    }
}
