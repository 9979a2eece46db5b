package io.github.promptscope.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a prompt search returns: prompts best first, the trace of every candidate it scored, the
 * settings it ran with, and what it cost.
 *
 * @param method "iprompt", "suffix", "autoprompt", ...
 * @param ranked prompts in the method's final order, best first
 * @param trace every candidate scored, in order
 * @param series one entry per step: the reference's per-step loss and number correct
 *        ({@code all_losses}, {@code all_n_correct}) and the mean over the step's candidates
 * @param proposals every prompt the proposal model generated, decoded, in generation order (the
 *        initial pool, then each step's fresh generations and mutations); empty for AutoPrompt,
 *        which proposes by token swaps
 * @param config every setting, as JSON (for run records)
 * @param steps search steps taken
 * @param candidatesScored (candidate, batch) evaluations
 * @param tokensScored tokens passed through the model while scoring
 * @param seconds wall time
 * @param stopReason why it stopped: "steps", "datapoints", "early_stopping", "time"
 */
public record SearchResult(
        String method,
        List<RankedPrompt> ranked,
        List<TraceEntry> trace,
        List<StepStats> series,
        List<String> proposals,
        JsonNode config,
        int steps,
        long candidatesScored,
        long tokensScored,
        double seconds,
        String stopReason) {

    public SearchResult {
        ranked = List.copyOf(ranked);
        trace = IndexedView.copyOf(trace); // a search's trace is a view of its compact columns already
        series = List.copyOf(series);
        proposals = IndexedView.copyOf(proposals);
    }

    public RankedPrompt best() {
        if (ranked.isEmpty()) {
            throw new IllegalStateException(method + " found no prompt");
        }
        return ranked.get(0);
    }

    public List<String> prompts() {
        return ranked.stream().map(RankedPrompt::text).toList();
    }
}
