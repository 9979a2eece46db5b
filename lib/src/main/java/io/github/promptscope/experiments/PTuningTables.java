package io.github.promptscope.experiments;

import io.github.promptscope.util.JsonFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.data.tuning.TuningTasks;
import io.github.promptscope.metrics.MeanSem;
import io.github.promptscope.results.Json;
import io.github.promptscope.results.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The P-tuning experiment's records ({@link PTuningExperiment}) as tables: arms x tasks (means and
 * standard errors over seeds), the bootstrap p-values of new (template) vs original per task and seed,
 * a training curve, and each prompt slot's nearest tokens before and after tuning. The study published
 * no numbers (spec B5), so there is no column of theirs to set beside ours.
 */
public final class PTuningTables {

    private PTuningTables() {}

    /** The completed records directly in {@code dir} (not its scores/, readouts/ or runs/). */
    public static List<RunRecord> load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<RunRecord> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                RunRecord r = JsonFiles.read(Json.MAPPER, f, RunRecord.class);
                if (r.isDone() && r.config().system().equals(PTuningExperiment.SYSTEM)) {
                    out.add(r);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot read the P-tuning records: " + e.getMessage(), e);
        }
    }

    /**
     * One row per task and arm: seeds, test token accuracy, the task's answer metric (exact match, or
     * ROUGE-L F1 for a summary task) teacher-forced and greedy exact match, as mean and standard error
     * over seeds, then the readout's fraction of slots still nearest their initial token and mean cosine to it.
     */
    public static Table byArm(List<RunRecord> records) {
        Table t = Table.create("P-tuning: test metrics per task and arm (mean +- s.e. over seeds)",
                StringColumn.create("task"), StringColumn.create("arm"), IntColumn.create("seeds"),
                DoubleColumn.create("token acc"), DoubleColumn.create("token acc se"), StringColumn.create("answer metric"),
                DoubleColumn.create("answer"), DoubleColumn.create("answer se"), DoubleColumn.create("greedy exact"),
                DoubleColumn.create("still at init"), DoubleColumn.create("cos to init"), DoubleColumn.create("best epoch"));
        for (String task : tasks(records)) {
            for (String arm : PTuningExperiment.ARMS) {
                List<RunRecord> rs = of(records, task, arm);
                if (rs.isEmpty()) {
                    continue;
                }
                boolean rouge = rs.get(0).metrics().containsKey("rouge_l");
                String answer = rouge ? "rouge_l" : "exact_match";
                MeanSem acc = stat(rs, "token_accuracy");
                MeanSem ans = stat(rs, answer);
                t.stringColumn("task").append(task);
                t.stringColumn("arm").append(arm);
                t.intColumn("seeds").append(rs.size());
                t.doubleColumn("token acc").append(acc.mean());
                t.doubleColumn("token acc se").append(acc.sem());
                t.stringColumn("answer metric").append(rouge ? "ROUGE-L F1" : "exact match");
                t.doubleColumn("answer").append(ans.mean());
                t.doubleColumn("answer se").append(ans.sem());
                t.doubleColumn("greedy exact").append(stat(rs, "greedy_exact_match").mean());
                t.doubleColumn("still at init").append(stat(rs, "fraction_still_init").mean());
                t.doubleColumn("cos to init").append(stat(rs, "mean_cosine_to_init").mean());
                t.doubleColumn("best epoch").append(stat(rs, "best_epoch").mean());
            }
        }
        return t;
    }

    /** The paired bootstrap per task and seed: both systems' means, the winner and the p value (1 - its win fraction). */
    public static Table bootstrap(List<RunRecord> records) {
        Table t = Table.create("P-tuning: paired bootstrap, new (template) vs original (1000 samples, ratio 0.3)",
                StringColumn.create("task"), IntColumn.create("seed"), DoubleColumn.create("new (template)"),
                DoubleColumn.create("original"), StringColumn.create("winner"), DoubleColumn.create("p value"));
        records.stream().filter(r -> r.config().method().equals(PTuningExperiment.BOOTSTRAP))
                .sorted(Comparator.comparing((RunRecord r) -> order(r.config().dataset()))
                        .thenComparingLong(r -> r.config().seed()))
                .forEach(r -> {
                    int winner = r.metrics().get("winner").intValue();
                    t.stringColumn("task").append(r.config().dataset());
                    t.intColumn("seed").append((int) r.config().seed());
                    t.doubleColumn("new (template)").append(r.metrics().get("mean_new_template"));
                    t.doubleColumn("original").append(r.metrics().get("mean_original"));
                    t.stringColumn("winner").append(winner == 1 ? "new (template)" : winner == 2 ? "original" : "tie");
                    t.doubleColumn("p value").append(r.metrics().get("p_value"));
                });
        return t;
    }

    /** Dev token accuracy per epoch (epoch 0 before training) of each arm on one task and seed, long format for a line plot. */
    public static Table curve(List<RunRecord> records, String task, long seed) {
        Table t = Table.create("dev token accuracy per epoch: " + task + ", seed " + seed, IntColumn.create("epoch"),
                StringColumn.create("arm"), DoubleColumn.create("dev token accuracy"));
        for (String arm : PTuningExperiment.ARMS) {
            for (RunRecord r : of(records, task, arm)) {
                List<Double> acc = r.series().get("dev_token_accuracy");
                if (r.config().seed() != seed || acc == null) {
                    continue;
                }
                for (int e = 0; e < acc.size(); e++) {
                    t.intColumn("epoch").append(e);
                    t.stringColumn("arm").append(arm);
                    t.doubleColumn("dev token accuracy").append(acc.get(e));
                }
            }
        }
        return t;
    }

    /**
     * One row per prompt slot of one run: where it sits, its initial token (the new design's anchor),
     * its 3 nearest tokens by L2 before and after tuning, its 3 nearest by cosine after, and the cosine
     * of the tuned vector to its initial token's embedding.
     */
    public static Table readout(Path recordsDir, String task, String arm, long seed) {
        Path file = recordsDir.resolve("readouts").resolve(PTuningExperiment.name(task, arm, seed) + ".json");
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": no readout (has the run finished?): " + e.getMessage(), e);
        }
        int prefix = doc.get("prefix").asInt();
        Table t = Table.create("nearest tokens per slot: " + task + ", " + arm + ", seed " + seed, IntColumn.create("slot"),
                StringColumn.create("where"), StringColumn.create("L2 before"), StringColumn.create("L2 after"),
                StringColumn.create("cosine after"), DoubleColumn.create("cos to init"));
        JsonNode before = doc.get("before");
        JsonNode after = doc.get("after");
        for (int s = 0; s < after.size(); s++) {
            t.intColumn("slot").append(s);
            t.stringColumn("where").append(s < prefix ? "before query" : "after query");
            t.stringColumn("L2 before").append(words(before.get(s).get("l2")));
            t.stringColumn("L2 after").append(words(after.get(s).get("l2")));
            t.stringColumn("cosine after").append(words(after.get(s).get("cosine")));
            JsonNode cos = after.get(s).get("cosine_to_init");
            t.doubleColumn("cos to init").append(cos == null || cos.isNull() ? Double.NaN : cos.asDouble());
        }
        return t;
    }

    private static String words(JsonNode tokens) {
        List<String> out = new ArrayList<>();
        tokens.forEach(tok -> out.add("\"" + tok.get("decoded").asText().strip() + "\""));
        return String.join(" ", out);
    }

    private static List<String> tasks(List<RunRecord> records) {
        Set<String> out = new LinkedHashSet<>();
        records.forEach(r -> out.add(r.config().dataset()));
        return out.stream().sorted(Comparator.comparingInt(PTuningTables::order)).toList();
    }

    /** The stand-ins in the spec's order (rcqa, nli, topic, summary, ja), other tasks after them. */
    private static int order(String task) {
        List<String> known = TuningTasks.standInNames();
        int i = known.indexOf(task);
        return i >= 0 ? i : known.size();
    }

    private static List<RunRecord> of(List<RunRecord> records, String task, String arm) {
        return records.stream().filter(r -> r.config().dataset().equals(task) && r.config().method().equals(arm))
                .sorted(Comparator.comparingLong(r -> r.config().seed())).collect(Collectors.toList());
    }

    /** Mean and standard error over the records that have {@code metric}; NaN when none has it. */
    private static MeanSem stat(List<RunRecord> rs, String metric) {
        double[] v = rs.stream().filter(r -> r.metrics().containsKey(metric)).mapToDouble(r -> r.metrics().get(metric))
                .toArray();
        return MeanSem.of(v);
    }
}
