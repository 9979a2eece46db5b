package io.github.promptscope.results;

import io.github.promptscope.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs many configurations, at most {@code parallelism} at a time, writing one record per run.
 *
 * <p>Resumable: a configuration whose completed record already exists is skipped; a failed one, or
 * one whose record file is damaged (cut short, not JSON), is run again. Temporary files of writers
 * killed mid-write are removed first. A run that throws is recorded with status {@code failed}, its
 * message and stack trace, and the other runs go on: one bad configuration never hides the rest of a sweep. Each run is
 * claimed first ({@link Claims}): a configuration another worker (thread, process, SLURM task) is
 * running is left to it and reported as busy, so no configuration runs twice at the same time.
 *
 * <pre>{@code
 * SweepReport r = SweepRunner.into(RecordStore.of("math")).parallelism(2)
 *                            .run(configs, cfg -> new RunOutput(prompts, metrics, tokens));
 * }</pre>
 */
public final class SweepRunner {

    /** One run: the configuration in, prompts and metrics out. */
    @FunctionalInterface
    public interface Run {
        RunOutput run(RunConfig config) throws Exception;
    }

    private final RecordStore store;
    private final Claims claims;
    private int parallelism = 1;
    private boolean progressBar = true;

    private SweepRunner(RecordStore store) {
        this.store = store;
        this.claims = Claims.of(store);
    }

    public static SweepRunner into(RecordStore store) {
        return new SweepRunner(store);
    }

    /** Runs at once; 1 (the default) keeps LM runs from fighting over the CPU. */
    public SweepRunner parallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    /** Show a terminal progress bar on stderr (default on). */
    public SweepRunner progressBar(boolean show) {
        this.progressBar = show;
        return this;
    }

    public SweepReport run(List<RunConfig> configs, Run run) {
        List<Path> orphans = removeOrphans();
        Map<String, RunConfig> todo = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        for (RunConfig c : configs) {
            String id = c.id();
            if (store.isDone(c)) {
                skipped.add(id);
            } else {
                if (!todo.containsKey(id) && store.isDamaged(id)) {
                    damaged.add(id); // its record is overwritten by the rerun
                }
                todo.putIfAbsent(id, c); // the same configuration twice is one run
            }
        }
        List<RunRecord> ran = new ArrayList<>();
        List<String> busy = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try (ProgressBar bar = progressBar && !todo.isEmpty() ? bar(todo.size()) : null) {
            List<Future<RunRecord>> futures = new ArrayList<>();
            for (RunConfig c : todo.values()) {
                futures.add(pool.submit(() -> {
                    Optional<RunRecord> r = runClaimed(c, run);
                    if (r.isEmpty()) {
                        busy.add(c.id());
                    }
                    if (bar != null) {
                        bar.step();
                        bar.setExtraMessage(c.dataset() + " seed " + c.seed()
                                + r.map(x -> x.isDone() ? "" : " FAILED").orElse(" (busy elsewhere)"));
                    }
                    return r.orElse(null);
                }));
            }
            for (Future<RunRecord> f : futures) {
                RunRecord r = f.get();
                if (r != null) {
                    ran.add(r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted; completed runs are saved and will be skipped", e);
        } catch (ExecutionException e) {
            // runOne catches everything a run throws; only a failure to write a record lands here.
            throw new IllegalStateException("sweep stopped: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new SweepReport(ran, skipped, busy, damaged, orphans);
    }

    /**
     * Deletes the temporary files of record writers killed mid-write (a sweep stopped with SIGKILL),
     * never those of a writer still running ({@link AtomicFiles#removeOrphans}).
     */
    public List<Path> removeOrphans() {
        try {
            return AtomicFiles.removeOrphans(store.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(store.dir() + ": cannot clear temporary files: " + e.getMessage(), e);
        }
    }

    /**
     * Claims {@code config}, runs it and writes its record (done, or failed with the error), then
     * releases the claim. Empty when another live worker holds the claim, or when a completed record
     * appeared meanwhile: the configuration is not run twice.
     */
    public Optional<RunRecord> runClaimed(RunConfig config, Run run) {
        Optional<Claims.Claim> claim = claims.tryClaim(config.id());
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        try (Claims.Claim held = claim.get()) {
            if (store.isDone(config)) {
                return Optional.empty(); // finished by another worker between our check and our claim
            }
            return Optional.of(runOne(config, run));
        }
    }

    private RunRecord runOne(RunConfig config, Run run) {
        Instant start = Instant.now();
        RunRecord record;
        try {
            RunOutput out = run.run(config);
            record = RunRecord.done(store.experiment(), config, out, Provenance.capture(start, Instant.now(),
                    out.tokensScored()));
        } catch (Exception | Error e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof VirtualMachineError vm) {
                throw vm; // out of memory is not a result
            }
            record = RunRecord.failed(store.experiment(), config, e, Provenance.capture(start, Instant.now(), 0));
        }
        store.write(record);
        return record;
    }

    private static ProgressBar bar(int total) {
        return new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
    }
}
