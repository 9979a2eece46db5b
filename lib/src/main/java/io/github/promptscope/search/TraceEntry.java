package io.github.promptscope.search;

/**
 * One candidate scored at one step: the search trace a notebook replays.
 *
 * @param step the step (batch) it was scored in
 * @param origin how it was made: "init", "population", "random", "mutation", "swap", ...
 */
public record TraceEntry(int step, String origin, String prompt, double loss, double accuracy) {}
