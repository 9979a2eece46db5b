package io.github.promptscope.metrics;

/**
 * Outcome of a paired bootstrap test between two systems.
 *
 * @param mean1   average per-example score of system 1 on the full set
 * @param mean2   same for system 2
 * @param wins1   fraction of resamples where system 1's mean is higher
 * @param wins2   fraction where system 2's mean is higher
 * @param ties    fraction where the means are equal
 * @param winner  1 or 2 for the system with more wins, 0 when the win counts are equal
 * @param pValue  1 - winner's win fraction (1 - max(wins1, wins2); 1.0 when nobody wins)
 * @param samples number of resamples
 * @param sampleSize ids drawn per resample (with replacement)
 */
public record BootstrapResult(double mean1, double mean2, double wins1, double wins2, double ties, int winner,
                              double pValue, int samples, int sampleSize) {
}
