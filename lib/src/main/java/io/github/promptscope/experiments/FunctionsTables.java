package io.github.promptscope.experiments;

import io.github.promptscope.metrics.MeanSem;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The records of {@code functions eval} (one per finetune x template x condition) as the tables of
 * the README and notebook 06. Items are pooled over the finetunes of an experiment (each item is one
 * question, its {@code correct} the mean over its samples), and test and train functions are kept apart,
 * as the paper reports them; mean ± SEM over those items ({@link MeanSem}).
 */
public final class FunctionsTables {

    /** The three conditions, in the order the tables show them. */
    public static final List<String> CONDITIONS = List.of("finetuned", "in_context", "untrained");

    /** The wide table's column of in-context conversations per question. */
    private static final String CHATS = "in-context chats";

    private FunctionsTables() {}

    /**
     * One row per (experiment, template, condition, functions): {@code experiment} is the experiment
     * folder's name ({@code functions} or {@code mixture}), {@code functions} is {@code test} or
     * {@code train} (a mixture's items are all test), then {@code mean}, {@code sem}, {@code items} (those
     * answered), {@code skipped} (prompts longer than the model's context: their {@code correct} is NaN),
     * {@code finetunes}, {@code chats} (in-context records: the mean number of training conversations before a
     * question, series {@code in_context_chats}; NaN otherwise). Only done records with the per-item series count.
     */
    public static Table summary(Path recordsDir) throws IOException {
        Map<String, Pooled> groups = new TreeMap<>();
        RecordStore store = RecordStore.at(recordsDir);
        for (RunRecord r : records(store)) {
            List<Double> correct = r.series().get("correct");
            List<Double> isTest = r.series().get("is_test");
            List<Double> chats = r.series().get("in_context_chats");
            if (!r.isDone() || correct == null || isTest == null) {
                continue;
            }
            String experiment = Path.of(r.config().params().path("experiment").asText("?")).getFileName().toString();
            for (int i = 0; i < correct.size(); i++) {
                String functions = isTest.get(i) == 1.0 ? "test" : "train";
                String key = String.join("\t", experiment, r.config().dataset(), r.config().method(), functions);
                groups.computeIfAbsent(key, k -> new Pooled()).add(correct.get(i), chats == null ? Double.NaN : chats.get(i),
                        r.config().params().path("finetune").asText());
            }
        }
        StringColumn experiment = StringColumn.create("experiment");
        StringColumn template = StringColumn.create("template");
        StringColumn condition = StringColumn.create("condition");
        StringColumn functions = StringColumn.create("functions");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn sem = DoubleColumn.create("sem");
        IntColumn items = IntColumn.create("items");
        IntColumn skipped = IntColumn.create("skipped");
        IntColumn finetunes = IntColumn.create("finetunes");
        DoubleColumn chats = DoubleColumn.create("chats");
        groups.forEach((key, pooled) -> {
            String[] k = key.split("\t");
            MeanSem m = MeanSem.of(pooled.values.stream().mapToDouble(Double::doubleValue).toArray());
            experiment.append(k[0]);
            template.append(k[1]);
            condition.append(k[2]);
            functions.append(k[3]);
            mean.append(m.mean());
            sem.append(m.sem());
            items.append(m.n());
            skipped.append(pooled.values.size() - m.n());
            finetunes.append(pooled.finetunes.size());
            chats.append(pooled.chats.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        });
        return Table.create("functions eval: correct, mean ± SEM over items pooled across finetunes",
                experiment, template, condition, functions, mean, sem, items, skipped, finetunes, chats);
    }

    /**
     * The summary as the README prints it: one row per (experiment, template, functions), a column per
     * condition holding {@code mean ± sem} (blank when that condition has no record, {@code skipped} when
     * every item's prompt was longer than the model's context), then {@code in-context chats}: the mean number
     * of training conversations the in-context questions held.
     */
    public static Table wide(Table summary) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (int i = 0; i < summary.rowCount(); i++) {
            String key = String.join("\t", summary.stringColumn("experiment").get(i), summary.stringColumn("template").get(i),
                    summary.stringColumn("functions").get(i));
            double s = summary.doubleColumn("sem").getDouble(i);
            String cell = summary.intColumn("items").getInt(i) == 0 ? "skipped"
                    : String.format("%.2f ± %s", summary.doubleColumn("mean").getDouble(i),
                            Double.isNaN(s) ? "-" : String.format("%.2f", s));
            rows.computeIfAbsent(key, k -> new TreeMap<>()).put(summary.stringColumn("condition").get(i), cell);
            double chats = summary.doubleColumn("chats").getDouble(i);
            if (!Double.isNaN(chats)) {
                rows.get(key).put(CHATS, String.format("%.1f", chats));
            }
        }
        StringColumn experiment = StringColumn.create("experiment");
        StringColumn template = StringColumn.create("template");
        StringColumn functions = StringColumn.create("functions");
        List<StringColumn> byCondition = new ArrayList<>();
        CONDITIONS.forEach(c -> byCondition.add(StringColumn.create(c)));
        StringColumn chats = StringColumn.create(CHATS);
        rows.forEach((key, cells) -> {
            String[] k = key.split("\t");
            experiment.append(k[0]);
            template.append(k[1]);
            functions.append(k[2]);
            for (int c = 0; c < CONDITIONS.size(); c++) {
                byCondition.get(c).append(cells.getOrDefault(CONDITIONS.get(c), ""));
            }
            chats.append(cells.getOrDefault(CHATS, ""));
        });
        Table t = Table.create("correct (mean ± SEM) by condition", experiment, template, functions);
        byCondition.forEach(t::addColumns);
        t.addColumns(chats);
        return t;
    }

    private static List<RunRecord> records(RecordStore store) throws IOException {
        if (!Files.isDirectory(store.dir())) {
            return List.of();
        }
        List<RunRecord> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(store.dir())) {
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = p.getFileName().toString();
                Optional<RunRecord> r = store.read(name.substring(0, name.length() - ".json".length()));
                r.ifPresent(out::add);
            }
        }
        return out;
    }

    private static final class Pooled {
        final List<Double> values = new ArrayList<>();
        final List<Double> chats = new ArrayList<>();
        final java.util.Set<String> finetunes = new java.util.TreeSet<>();

        void add(double value, double chatCount, String finetune) {
            values.add(value);
            if (!Double.isNaN(chatCount)) {
                chats.add(chatCount);
            }
            finetunes.add(finetune);
        }
    }
}
