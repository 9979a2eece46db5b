package io.github.promptscope.search;

import java.time.Duration;

/** How long a search may run: at most this many steps and this much wall time, whichever ends first. */
public record Budget(int maxSteps, Duration maxTime) {

    public static Budget unlimited() {
        return new Budget(Integer.MAX_VALUE, Duration.ofDays(365));
    }

    public static Budget steps(int n) {
        return new Budget(n, Duration.ofDays(365));
    }

    public static Budget time(Duration d) {
        return new Budget(Integer.MAX_VALUE, d);
    }

    public Budget andTime(Duration d) {
        return new Budget(maxSteps, d);
    }
}
