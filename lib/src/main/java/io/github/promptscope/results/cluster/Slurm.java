package io.github.promptscope.results.cluster;

import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.SweepExecutor;
import io.github.promptscope.results.SweepPlan;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.results.SweepRunner;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.util.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A SLURM cluster as a sweep executor: a plan becomes a manifest and an {@code sbatch} script for a job
 * array, one array task per configuration (or per {@code chunk} of them), each running
 * {@code ./promptscope sweep run-one --manifest M --index $SLURM_ARRAY_TASK_ID} from this checkout
 * (on a shared file system) and writing its record atomically into the plan's store and its log to
 * {@code <plan folder>/logs/task-<index>.log}. SLURM schedules; this class writes, submits and reads.
 *
 * <pre>{@code
 * Slurm c = Slurm.cluster("cpu").time("01:00:00").mem("8G").cpusPerTask(2).maxParallel(16);
 * RecoverySweep.of(lm).tasks("math").on(c).run(store);       // submits, waits, returns the report
 * Submission s = c.submit(sweep.plan(store), true, false);  // or: submit only, job id in s.jobId()
 * }</pre>
 * Immutable: every setter returns a new cluster.
 */
public final class Slurm implements SweepExecutor {

    private final String partition;
    private final String time;
    private final String mem;
    private final int cpusPerTask;
    private final int maxParallel;
    private final int chunk;
    private final Path home;
    private final Duration poll;

    private Slurm(String partition, String time, String mem, int cpusPerTask, int maxParallel, int chunk, Path home,
                  Duration poll) {
        if (cpusPerTask < 1 || maxParallel < 1 || chunk < 1) {
            throw new IllegalArgumentException("cpus-per-task, max-parallel and chunk must be >= 1");
        }
        this.partition = partition;
        this.time = time;
        this.mem = mem;
        this.cpusPerTask = cpusPerTask;
        this.maxParallel = maxParallel;
        this.chunk = chunk;
        this.home = home;
        this.poll = poll;
    }

    /** The cluster's default partition; 1 hour, 2 CPUs per task, at most 16 tasks at once, no memory request. */
    public static Slurm cluster() {
        return new Slurm(null, "01:00:00", null, 2, 16, 1, null, Duration.ofSeconds(5));
    }

    public static Slurm cluster(String partition) {
        return cluster().partition(partition);
    }

    public Slurm partition(String p) {
        return new Slurm(p, time, mem, cpusPerTask, maxParallel, chunk, home, poll);
    }

    /** Time limit per array task, SLURM's format ({@code 01:00:00}, {@code 2-00:00:00}). */
    public Slurm time(String t) {
        return new Slurm(partition, t, mem, cpusPerTask, maxParallel, chunk, home, poll);
    }

    /** Memory per array task ({@code 8G}, {@code 500M}); the JVM gets half as heap, the rest is PyTorch's. */
    public Slurm mem(String m) {
        if (m != null) {
            megabytes(m);
        }
        return new Slurm(partition, time, m, cpusPerTask, maxParallel, chunk, home, poll);
    }

    /** CPUs per array task; PyTorch uses as many threads. */
    public Slurm cpusPerTask(int n) {
        return new Slurm(partition, time, mem, n, maxParallel, chunk, home, poll);
    }

    /** Array tasks running at once ({@code --array=...%N}). */
    public Slurm maxParallel(int n) {
        return new Slurm(partition, time, mem, cpusPerTask, n, chunk, home, poll);
    }

    /** Configurations per array task (each task loads the model once for all of them). */
    public Slurm chunk(int k) {
        return new Slurm(partition, time, mem, cpusPerTask, maxParallel, k, home, poll);
    }

    /** The PromptScope checkout the jobs run {@code ./promptscope} of (default: this one). */
    public Slurm home(Path dir) {
        return new Slurm(partition, time, mem, cpusPerTask, maxParallel, chunk, dir, poll);
    }

    /** How often {@link #execute} asks squeue whether the job is still there (default 5 s). */
    public Slurm pollEvery(Duration d) {
        return new Slurm(partition, time, mem, cpusPerTask, maxParallel, chunk, home, d);
    }

    /**
     * Writes the manifest and the script, then submits (unless {@code dryRun}). With {@code resume}
     * only configurations with no completed record, and not queued or running in an earlier
     * submission of the plan, are submitted. Returns the submission; its {@code tasks} are empty when
     * there was nothing to submit.
     */
    public Submission submit(SweepPlan plan, boolean resume, boolean dryRun) {
        Path folder = plan.folder();
        Path manifest = plan.write(folder.resolve("manifest.json"));
        List<Integer> configs = resume ? notDoneNorQueued(plan) : range(plan.configs().size());
        Set<Integer> tasks = new TreeSet<>();
        configs.forEach(i -> tasks.add(i / chunk));
        List<Submission> earlier = Submission.readAll(folder);
        Path script = folder.resolve(dryRun ? "dry-run.sbatch" : "submit-" + (earlier.size() + 1) + ".sbatch");
        String now = Instant.now().toString();
        if (tasks.isEmpty()) {
            return new Submission(0, chunk, List.of(), script.toString(), manifest.toString(), now);
        }
        try {
            Files.createDirectories(folder.resolve("logs"));
            AtomicFiles.writeString(script, script(plan, manifest, new ArrayList<>(tasks)));
        } catch (IOException e) {
            throw new UncheckedIOException(script + ": cannot write: " + e.getMessage(), e);
        }
        if (dryRun) {
            return new Submission(0, chunk, new ArrayList<>(tasks), script.toString(), manifest.toString(), now);
        }
        long job = SlurmCli.sbatch(script);
        Submission s = new Submission(job, chunk, new ArrayList<>(tasks), script.toString(), manifest.toString(), now);
        Submission.append(folder, s);
        return s;
    }

    /** Submits the configurations without a completed record, waits until the job has left the queue. */
    @Override
    public SweepReport execute(SweepPlan plan, SweepRunner.Run run) {
        List<Integer> before = plan.notDone();
        Submission s = submit(plan, true, false);
        while (!s.tasks().isEmpty() && !SlurmCli.squeue(List.of(s.jobId())).isEmpty()) {
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped waiting for SLURM job " + s.jobId()
                        + " (it keeps running; `promptscope sweep status --manifest " + s.manifest() + "`)", e);
            }
        }
        List<RunRecord> ran = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < plan.configs().size(); i++) {
            String id = plan.configs().get(i).id();
            if (!before.contains(i)) {
                skipped.add(id);
            } else {
                plan.store().read(id).ifPresent(ran::add);
            }
        }
        return new SweepReport(ran, skipped);
    }

    /** The sbatch script for the given array task indices of the plan. */
    public String script(SweepPlan plan, Path manifest, List<Integer> tasks) {
        Path logs = plan.folder().resolve("logs");
        int n = plan.configs().size();
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("#SBATCH --job-name=promptscope-").append(plan.experiment()).append('\n');
        s.append("#SBATCH --array=").append(arraySpec(tasks)).append('%').append(maxParallel).append('\n');
        s.append("#SBATCH --ntasks=1\n");
        s.append("#SBATCH --cpus-per-task=").append(cpusPerTask).append('\n');
        if (mem != null) {
            s.append("#SBATCH --mem=").append(mem).append('\n');
        }
        if (time != null) {
            s.append("#SBATCH --time=").append(time).append('\n');
        }
        if (partition != null) {
            s.append("#SBATCH --partition=").append(partition).append('\n');
        }
        s.append("#SBATCH --output=").append(logs.resolve("task-%a.log")).append('\n');
        s.append("#SBATCH --open-mode=append\n");
        s.append("# PromptScope sweep ").append(plan.id()).append(" (").append(plan.kind()).append(", experiment ")
                .append(plan.experiment()).append("): ").append(n).append(" configurations, ").append(chunk)
                .append(" per array task; records go to ").append(plan.store().dir()).append('\n');
        s.append("set -euo pipefail\n");
        String heap = mem == null ? "" : "-Xmx" + Math.max(512, megabytes(mem) / 2) + "m ";
        s.append("export PROMPTSCOPE_JAVA_OPTS=\"${PROMPTSCOPE_JAVA_OPTS:-").append(heap)
                .append("-Dai.djl.pytorch.num_threads=${SLURM_CPUS_PER_TASK:-1}}\"\n");
        s.append("export OMP_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"\n");
        s.append("echo \"== $(date -Is) job ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} on $(hostname)\"\n");
        s.append("cd ").append(quote(home().toString())).append('\n');
        s.append("exec ./promptscope sweep run-one --manifest ").append(quote(manifest.toString()))
                .append(" --index \"$SLURM_ARRAY_TASK_ID\" --chunk ").append(chunk).append('\n');
        return s.toString();
    }

    private Path home() {
        if (home != null) {
            return home.toAbsolutePath().normalize();
        }
        String h = System.getProperty(RepoPaths.HOME_PROPERTY);
        Path dir = h != null ? Path.of(h) : Path.of("").toAbsolutePath();
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("promptscope")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the PromptScope checkout (./promptscope) from " + dir
                + "; give it with Slurm.home(dir)");
    }

    private List<Integer> notDoneNorQueued(SweepPlan plan) {
        List<Submission> earlier = Submission.readAll(plan.folder());
        Map<Long, Map<Integer, String>> queued = SlurmCli.squeue(earlier.stream().map(Submission::jobId).toList());
        Set<Integer> busy = new TreeSet<>();
        for (Submission e : earlier) {
            queued.getOrDefault(e.jobId(), Map.of()).keySet()
                    .forEach(t -> busy.addAll(Submission.configsOf(t, e.chunk(), plan.configs().size())));
        }
        return plan.notDone().stream().filter(i -> !busy.contains(i)).toList();
    }

    /** "0-3,5,7-9": runs of consecutive indices as ranges. */
    static String arraySpec(List<Integer> sorted) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            s.append(s.length() == 0 ? "" : ",").append(sorted.get(i));
            if (j > i) {
                s.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return s.toString();
    }

    static long megabytes(String mem) {
        var m = java.util.regex.Pattern.compile("(\\d+)([KMGT]?)", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(mem.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("memory must look like 8G, 500M or 4096, got \"" + mem + "\"");
        }
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2).toUpperCase()) {
            case "K" -> Math.max(1, v / 1024);
            case "G" -> v * 1024;
            case "T" -> v * 1024 * 1024;
            default -> v;
        };
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./=:+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
