package io.github.promptscope.results;

import java.util.List;
import java.util.Map;

/**
 * What one run of a sweep returns; the runner adds config and provenance to make the record.
 *
 * @param prompts      ranked prompts, best first
 * @param metrics      named numbers
 * @param tokensScored tokens the LM processed, for provenance
 */
public record RunOutput(List<ScoredPrompt> prompts, Map<String, Double> metrics, long tokensScored) {
    public RunOutput {
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }
}
