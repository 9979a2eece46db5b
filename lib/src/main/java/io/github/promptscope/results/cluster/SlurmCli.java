package io.github.promptscope.results.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * SLURM's own commands, run with {@link ProcessBuilder}: {@code sbatch}, {@code squeue}, {@code scancel},
 * {@code sacct}. Nothing here schedules; it only asks SLURM and reads its answers.
 */
public final class SlurmCli {

    /** One array task as {@code squeue} or {@code sacct} reports it. */
    public record TaskState(long jobId, int index, String state) {}

    private SlurmCli() {}

    /** {@code sbatch --parsable SCRIPT}: the job id. */
    public static long sbatch(java.nio.file.Path script) {
        Result r = run(List.of("sbatch", "--parsable", script.toString()));
        if (r.code != 0) {
            throw new IllegalStateException("sbatch failed (exit " + r.code + "): " + r.err.strip());
        }
        String first = r.out.strip().split("[;\\s]")[0];
        return Long.parseLong(first);
    }

    /** {@code scancel JOB...}. */
    public static void scancel(Collection<Long> jobIds) {
        if (jobIds.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("scancel"));
        jobIds.forEach(j -> cmd.add(String.valueOf(j)));
        Result r = run(cmd);
        if (r.code != 0) {
            throw new IllegalStateException("scancel failed (exit " + r.code + "): " + r.err.strip());
        }
    }

    /**
     * Array tasks of the given jobs still in the queue (pending, running, completing), one entry per
     * task, keyed by job then index. Jobs that left the queue are simply absent.
     */
    public static Map<Long, Map<Integer, String>> squeue(Collection<Long> jobIds) {
        Map<Long, Map<Integer, String>> out = new TreeMap<>();
        if (jobIds.isEmpty()) {
            return out;
        }
        // all jobs, filtered here: naming a job id that left the queue makes squeue fail
        Result r = run(List.of("squeue", "-h", "-r", "-o", "%F|%K|%T"));
        if (r.code != 0) {
            throw new IllegalStateException("squeue failed (exit " + r.code + "): " + r.err.strip());
        }
        for (String line : r.out.split("\n")) {
            String[] f = line.strip().split("\\|");
            if (f.length != 3 || !f[0].matches("\\d+") || !jobIds.contains(Long.parseLong(f[0]))) {
                continue;
            }
            int index = f[1].matches("\\d+") ? Integer.parseInt(f[1]) : 0;
            out.computeIfAbsent(Long.parseLong(f[0]), k -> new TreeMap<>()).put(index, f[2]);
        }
        return out;
    }

    /**
     * Final states from accounting ({@code sacct}), keyed by job then index; empty when accounting
     * is off (sacct then says "accounting storage is disabled") or sacct is missing.
     */
    public static Optional<Map<Long, Map<Integer, String>>> sacct(Collection<Long> jobIds) {
        if (jobIds.isEmpty()) {
            return Optional.of(Map.of());
        }
        List<String> cmd = new ArrayList<>(List.of("sacct", "-n", "-P", "-X", "-o", "JobID,State", "-j"));
        cmd.add(String.join(",", jobIds.stream().map(String::valueOf).toList()));
        Result r;
        try {
            r = run(cmd);
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
        if (r.code != 0) {
            return Optional.empty();
        }
        Map<Long, Map<Integer, String>> out = new TreeMap<>();
        for (String line : r.out.split("\n")) {
            String[] f = line.strip().split("\\|");
            if (f.length < 2 || !f[0].matches("\\d+_\\d+")) {
                continue; // "12_[3-5]" (still pending) and plain jobs are not array tasks that ran
            }
            String[] id = f[0].split("_");
            out.computeIfAbsent(Long.parseLong(id[0]), k -> new TreeMap<>())
                    .put(Integer.parseInt(id[1]), f[1].split(" ")[0]);
        }
        return Optional.of(out);
    }

    private record Result(int code, String out, String err) {}

    private static Result run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(cmd.get(0) + " did not answer within 60 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(cmd.get(0) + ": cannot run (is SLURM installed and on PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(cmd.get(0) + " interrupted", e);
        }
    }
}
