package io.github.promptscope.search;

import java.time.Duration;

/**
 * How long a search may run: at most this many steps (batches) and this much wall time, whichever
 * ends first. The one place a step limit lives; a method's config holds only its algorithm's
 * settings. (Run records still name the step limit {@code maxNSteps}, as the reference API does.)
 */
public record Budget(int maxSteps, Duration maxTime) {

    private static final Duration FOREVER = Duration.ofDays(365);

    public Budget {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
    }

    public static Budget unlimited() {
        return new Budget(Integer.MAX_VALUE, FOREVER);
    }

    public static Budget steps(int n) {
        return new Budget(n, FOREVER);
    }

    public static Budget time(Duration d) {
        return new Budget(Integer.MAX_VALUE, d);
    }

    public Budget andTime(Duration d) {
        return new Budget(maxSteps, d);
    }

    /** The time limit, or empty for a budget of steps alone. */
    public java.util.Optional<Duration> timeLimit() {
        return maxTime.equals(FOREVER) ? java.util.Optional.empty() : java.util.Optional.of(maxTime);
    }

    /** This budget with at most {@code n} steps (a method that always stops sooner, like Suffix's one step). */
    public Budget atMostSteps(int n) {
        return new Budget(Math.min(n, maxSteps), maxTime);
    }
}
