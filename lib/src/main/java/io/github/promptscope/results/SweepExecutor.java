package io.github.promptscope.results;

/**
 * Where a sweep's runs execute: on this machine ({@link #local}: {@link SweepRunner}'s threads) or on
 * a cluster ({@code results.cluster.Slurm}: one SLURM array task per configuration). Either way each
 * configuration without a completed record is run once and leaves one record in the plan's store.
 */
public interface SweepExecutor {

    /**
     * Runs the plan's configurations that have no completed record and returns when they are recorded.
     * {@code run} is the in-process form of the plan's kind; an executor that runs elsewhere rebuilds it
     * there from the manifest instead.
     */
    SweepReport execute(SweepPlan plan, SweepRunner.Run run);

    /** This machine, {@code parallelism} runs at a time. */
    static SweepExecutor local(int parallelism) {
        return (plan, run) -> SweepRunner.into(plan.store()).parallelism(parallelism).run(plan.configs(), run);
    }
}
