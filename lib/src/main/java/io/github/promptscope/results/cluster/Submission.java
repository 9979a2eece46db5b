package io.github.promptscope.results.cluster;

import io.github.promptscope.util.JsonFiles;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.promptscope.results.Json;
import io.github.promptscope.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code sbatch} of a sweep plan: its job id (0 for a dry run), the array task indices it
 * submitted, how many configurations each task runs ({@code chunk}), and its script. A plan's
 * submissions are kept in {@code <plan folder>/submissions.json}, so {@code sweep status} knows which
 * jobs and array tasks cover which configurations.
 *
 * @param jobId       SLURM's job id, 0 when not submitted (dry run)
 * @param chunk       configurations per array task: task {@code t} runs configurations {@code t*chunk}
 *                    up to {@code (t+1)*chunk - 1}
 * @param tasks       the array task indices submitted
 * @param script      the sbatch script (absolute)
 * @param manifest    the manifest (absolute)
 * @param submittedAt ISO-8601 instant
 */
public record Submission(long jobId, int chunk, List<Integer> tasks, String script, String manifest,
                         String submittedAt) {

    public Submission {
        tasks = List.copyOf(tasks);
    }

    /** The configuration indices array task {@code task} runs, among {@code n}. */
    public static List<Integer> configsOf(int task, int chunk, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = task * chunk; i < Math.min(n, (task + 1) * chunk); i++) {
            out.add(i);
        }
        return out;
    }

    /** Cancels this submission's job (all of its array tasks still queued or running). */
    public void cancel() {
        SlurmCli.scancel(List.of(jobId));
    }

    static List<Submission> readAll(Path folder) {
        Path f = folder.resolve("submissions.json");
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try {
            return JsonFiles.read(Json.MAPPER, f, new TypeReference<List<Submission>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": cannot read submissions: " + e.getMessage(), e);
        }
    }

    static synchronized void append(Path folder, Submission s) {
        List<Submission> all = new ArrayList<>(readAll(folder));
        all.add(s);
        try {
            AtomicFiles.writeBytes(folder.resolve("submissions.json"), Json.MAPPER.writeValueAsBytes(all));
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot record submission: " + e.getMessage(), e);
        }
    }
}
