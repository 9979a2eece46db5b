package io.github.promptscope.results.cluster;

import io.github.promptscope.results.Claims;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.SweepPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each configuration of a plan stands, from its record, its claim, {@code squeue} and (when
 * accounting is on) {@code sacct}: {@code done} (a completed record), {@code running} (its array task
 * runs, or a live worker holds its claim), {@code pending} (its array task waits in the queue),
 * {@code failed} (a failed record, with its error), or {@code missing} (no record and nothing queued:
 * never submitted, cancelled, or killed; {@code --resume} submits it again).
 *
 * @param plan       the plan
 * @param rows       one per configuration, in the plan's order
 * @param accounting whether sacct answered (SLURM accounting on)
 */
public record SweepStatus(SweepPlan plan, List<Row> rows, boolean accounting) {

    public static final String DONE = "done";
    public static final String RUNNING = "running";
    public static final String PENDING = "pending";
    public static final String FAILED = "failed";
    public static final String MISSING = "missing";

    /**
     * @param index  the configuration's index in the manifest
     * @param config the configuration
     * @param state  one of done, running, pending, failed, missing
     * @param task   "job_arraytask" covering it in the latest submission, "" when never submitted
     * @param detail the error of a failed run, SLURM's final state of a missing one, or ""
     */
    public record Row(int index, RunConfig config, String state, String task, String detail) {}

    public static SweepStatus of(SweepPlan plan) {
        RecordStore store = plan.store();
        Claims claims = Claims.of(store);
        List<Submission> subs = Submission.readAll(plan.folder());
        List<Long> jobs = subs.stream().map(Submission::jobId).filter(j -> j > 0).toList();
        Map<Long, Map<Integer, String>> queue = SlurmCli.squeue(jobs);
        Optional<Map<Long, Map<Integer, String>>> acct = SlurmCli.sacct(jobs);
        int n = plan.configs().size();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RunConfig c = plan.configs().get(i);
            boolean damaged = store.isDamaged(c.id()); // rerun like a missing one, so shown as missing
            Optional<RunRecord> rec = damaged ? Optional.empty() : store.read(c.id());
            String queued = null;
            String task = "";
            String finalState = "";
            for (Submission s : subs) { // later submissions override earlier ones
                int t = i / s.chunk();
                if (s.jobId() <= 0 || !s.tasks().contains(t)) {
                    continue;
                }
                task = s.jobId() + "_" + t;
                String q = queue.getOrDefault(s.jobId(), Map.of()).get(t);
                if (q != null) {
                    queued = q;
                }
                String a = acct.map(m -> m.getOrDefault(s.jobId(), Map.of()).get(t)).orElse(null);
                if (a != null) {
                    finalState = a;
                }
            }
            String state;
            String detail = "";
            if (rec.isPresent() && rec.get().isDone()) {
                state = DONE;
            } else if ("RUNNING".equals(queued) || "COMPLETING".equals(queued) || claims.holder(c.id()).isPresent()) {
                state = RUNNING;
            } else if (queued != null) {
                state = PENDING;
            } else if (rec.isPresent()) {
                state = FAILED;
                detail = rec.get().error() == null ? "" : rec.get().error().type() + ": " + rec.get().error().message();
            } else {
                state = MISSING;
                detail = damaged ? "record damaged (not readable); a resumed sweep reruns it" : finalState;
            }
            rows.add(new Row(i, c, state, task, detail));
        }
        return new SweepStatus(plan, rows, acct.isPresent());
    }

    /** Configurations per state, in the order done, running, pending, failed, missing. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : List.of(DONE, RUNNING, PENDING, FAILED, MISSING)) {
            out.put(s, rows.stream().filter(r -> r.state().equals(s)).count());
        }
        return out;
    }

    /** A heading with the counts, then one line per configuration. */
    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append("sweep ").append(plan.id()).append(" (").append(plan.experiment()).append(", ").append(rows.size())
                .append(" configurations): ");
        List<String> parts = new ArrayList<>();
        counts().forEach((k, v) -> parts.add(v + " " + k));
        s.append(String.join(", ", parts));
        s.append(accounting ? "" : " (SLURM accounting off: final states of vanished tasks unknown)").append('\n');
        s.append(String.format("%-5s  %-16s  %-8s  %-10s  %-14s  %-10s  %5s  %s%n", "index", "id", "state", "task",
                "dataset", "method", "seed", "detail"));
        for (Row r : rows) {
            s.append(String.format("%-5d  %-16s  %-8s  %-10s  %-14s  %-10s  %5d  %s%n", r.index(), r.config().id(),
                    r.state(), r.task(), r.config().dataset(), r.config().method(), r.config().seed(), r.detail()));
        }
        return s.toString();
    }
}
