package io.github.promptscope.experiments;

import io.github.promptscope.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Generalization records ({@link GeneralizationSweep}) as the paper's table: accuracy in percent per
 * task (mean over seeds) and per collection (mean over its tasks), one column per prompt source in
 * the paper's order, with the paper's GPT-J numbers beside ours (spec section 5: 1-shot,
 * multi-token containment, {@code results/generalization_acc/accs.pkl}).
 */
public final class GeneralizationTables {

    /** Prompt sources in the paper's column order. */
    public static final List<String> METHODS = List.of(GeneralizationSweep.HUMAN, "iprompt", "autoprompt", "suffix",
            GeneralizationSweep.NONE);

    /** The paper's GPT-J accuracies (%), in {@link #METHODS} order; NaN where the paper has none. */
    public static final Map<String, double[]> PAPER_GPTJ = Map.of(
            "math", new double[] {54.0, 51.5, 41.6, 10.0, 16.3},
            "anli", new double[] {9.0, 4.7, 1.9, 5.1, 2.0});

    private GeneralizationTables() {}

    /**
     * Task rows, method columns: the mean over seeds of {@code metric} in percent. For the masked
     * metric, rows where every answer starts with the same token (one choice: trivially right) are
     * left out, so such a task shows missing values rather than 100.
     */
    public static Table byTask(Table runs, String metric) {
        Table means = taskMeans(runs, metric);
        List<String> tasks = means.stringColumn("task").unique().asList();
        Table out = Table.create("generalization accuracy (%) by task: " + metric, StringColumn.create("task", tasks));
        for (String m : METHODS) {
            DoubleColumn c = DoubleColumn.create(m);
            for (String t : tasks) {
                c.append(lookup(means, "task", t, m));
            }
            out.addColumns(c);
        }
        return out;
    }

    /** Collection rows: our mean over the collection's tasks beside the paper's number, per method. */
    public static Table byCollection(Table runs, String metric) {
        Table means = taskMeans(runs, metric);
        StringColumn collection = StringColumn.create("collection");
        for (String t : means.stringColumn("task")) {
            collection.append(Datasets.task(t).info().collection());
        }
        means.addColumns(collection);
        Table byCollection = means.summarize("accuracy", AggregateFunctions.mean, AggregateFunctions.count)
                .by("collection", "method");
        List<String> collections = collection.unique().asList();
        Table out = Table.create("generalization accuracy (%) by collection: " + metric,
                StringColumn.create("collection", collections));
        IntColumn tasks = IntColumn.create("tasks");
        for (String col : collections) {
            tasks.append((int) means.where(means.stringColumn("collection").isEqualTo(col))
                    .stringColumn("task").countUnique());
        }
        out.addColumns(tasks);
        for (int i = 0; i < METHODS.size(); i++) {
            String m = METHODS.get(i);
            DoubleColumn ours = DoubleColumn.create(m);
            DoubleColumn paper = DoubleColumn.create(m + " (paper)");
            for (String col : collections) {
                Table rows = byCollection.where(byCollection.stringColumn("collection").isEqualTo(col)
                        .and(byCollection.stringColumn("method").isEqualTo(m)));
                ours.append(rows.isEmpty() ? Double.NaN : rows.doubleColumn(2).getDouble(0));
                boolean masked = metric.equals(GeneralizationSweep.MASKED);
                double[] p = PAPER_GPTJ.get(col);
                paper.append(p == null || masked ? Double.NaN : p[i]);
            }
            out.addColumns(ours, paper);
        }
        return out;
    }

    /** task, method, accuracy (%): the mean over seeds of done records. */
    static Table taskMeans(Table runs, String metric) {
        Table done = runs.where(runs.stringColumn("status").isEqualTo("done"));
        if (metric.equals(GeneralizationSweep.MASKED)) {
            DoubleColumn choices = done.doubleColumn("metrics." + GeneralizationSweep.MASKED_CHOICES);
            done = done.where(choices.isGreaterThanOrEqualTo(2));
        }
        List<String> task = new ArrayList<>();
        List<String> method = new ArrayList<>();
        List<Double> accuracy = new ArrayList<>();
        Table s = done.summarize("metrics." + metric, AggregateFunctions.mean).by("config.dataset", "config.method");
        for (int r = 0; r < s.rowCount(); r++) {
            task.add(s.stringColumn(0).get(r));
            method.add(s.stringColumn(1).get(r));
            accuracy.add(100 * s.doubleColumn(2).getDouble(r));
        }
        return Table.create("task means", StringColumn.create("task", task), StringColumn.create("method", method),
                DoubleColumn.create("accuracy", accuracy));
    }

    private static double lookup(Table means, String keyColumn, String key, String method) {
        Table rows = means.where(means.stringColumn(keyColumn).isEqualTo(key)
                .and(means.stringColumn("method").isEqualTo(method)));
        return rows.isEmpty() ? Double.NaN : rows.doubleColumn("accuracy").getDouble(0);
    }
}
