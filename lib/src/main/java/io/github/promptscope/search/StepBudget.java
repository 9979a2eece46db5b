package io.github.promptscope.search;

/**
 * Whether a search has used up its steps or its time: the smaller of the method's own step limit
 * and the caller's {@link Budget}, and the caller's wall-clock limit from the moment it started.
 */
final class StepBudget {

    private final int maxSteps;
    private final long deadline;

    StepBudget(int methodMaxSteps, Budget budget) {
        this.maxSteps = Math.min(methodMaxSteps, budget.maxSteps());
        this.deadline = System.nanoTime() + Math.min(budget.maxTime().toNanos(), Long.MAX_VALUE / 4);
    }

    int maxSteps() {
        return maxSteps;
    }

    /** "steps" or "time" when the search must stop after {@code stepsTaken}, else null. */
    String exhausted(int stepsTaken) {
        if (stepsTaken >= maxSteps) {
            return "steps";
        }
        return System.nanoTime() > deadline ? "time" : null;
    }
}
