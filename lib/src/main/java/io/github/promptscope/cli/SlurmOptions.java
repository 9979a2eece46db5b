package io.github.promptscope.cli;

import io.github.promptscope.results.cluster.Slurm;
import picocli.CommandLine.Option;

/** The flags of {@code sweep --slurm}: where and how the job array runs. */
final class SlurmOptions {

    @Option(names = "--slurm", description = "Submit the sweep to SLURM as a job array instead of running it here.")
    boolean slurm;

    @Option(names = "--partition", description = "SLURM partition (default: the cluster's default).")
    String partition;

    @Option(names = "--time", defaultValue = "01:00:00", description = "Time limit per array task (default ${DEFAULT-VALUE}).")
    String time;

    @Option(names = "--mem", description = "Memory per array task, e.g. 8G (default: the cluster's default); the JVM gets half as heap.")
    String mem;

    @Option(names = "--cpus-per-task", defaultValue = "2", description = "CPUs per array task, PyTorch threads (default ${DEFAULT-VALUE}).")
    int cpusPerTask;

    @Option(names = "--max-parallel", defaultValue = "16", description = "Array tasks running at once (default ${DEFAULT-VALUE}).")
    int maxParallel;

    @Option(names = "--chunk", defaultValue = "1", description = "Configurations per array task (default ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--dry-run", description = "Write the manifest and print the sbatch script; submit nothing.")
    boolean dryRun;

    @Option(names = "--resume", description = "Submit only configurations with no completed record (and not already queued).")
    boolean resume;

    Slurm cluster() {
        return Slurm.cluster(partition).time(time).mem(mem).cpusPerTask(cpusPerTask).maxParallel(maxParallel).chunk(chunk);
    }
}
