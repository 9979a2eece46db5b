package io.github.promptscope.experiments;

import io.github.promptscope.results.Json;
import io.github.promptscope.results.Results;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.Row;

/**
 * Sentiment records ({@link SentimentExperiment}) as tables: held-out accuracy (%) per dataset for
 * no prompt, each human-written prompt and iPrompt at each prompt length (means over seeds), beside
 * the paper's GPT-J numbers (spec section 5: no prompt and iPrompt, 6 and 12 tokens, single-token
 * masked, 200 test rows, mean of 3 seeds); and iPrompt's best prompt per seed.
 */
public final class SentimentTables {

    /** Paper, GPT-J: {no prompt, iPrompt} at 6 tokens, then at 12 tokens (%). */
    public static final Map<String, double[]> PAPER_GPTJ = Map.of(
            "imdb", new double[] {80.8, 86.8, 82.5, 93.8},
            "rotten_tomatoes", new double[] {73.5, 72.8, 73.5, 83.2},
            "sst2", new double[] {75.5, 80.2, 75.5, 82.8});

    private SentimentTables() {}

    /** "none", "human_1".., "iprompt (6 tokens)": the column a record belongs to. */
    static String column(Row r, boolean hasTokens) {
        String m = r.getString("config.method");
        return m.equals(SentimentExperiment.IPROMPT) && hasTokens
                ? m + " (" + r.getLong("config.params.tokens") + " tokens)" : m;
    }

    /** Dataset rows; our means over seeds per prompt source, then the paper's. */
    public static Table accuracy(Table runs) {
        Table done = done(runs);
        boolean hasTokens = done.containsColumn("config.params.tokens");
        Set<String> datasets = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Row r : done) {
            datasets.add(r.getString("config.dataset"));
            columns.add(column(r, hasTokens));
        }
        List<String> ordered = new ArrayList<>(columns);
        ordered.sort(java.util.Comparator.comparingInt(SentimentTables::order).thenComparing(c -> c));
        Table out = Table.create("sentiment: held-out accuracy (%), mean over seeds",
                StringColumn.create("dataset", new ArrayList<>(datasets)));
        IntColumn seeds = IntColumn.create("seeds");
        for (String d : datasets) {
            seeds.append((int) done.where(done.stringColumn("config.dataset").isEqualTo(d))
                    .longColumn("config.seed").countUnique());
        }
        out.addColumns(seeds);
        for (String c : ordered) {
            DoubleColumn col = DoubleColumn.create(c);
            for (String d : datasets) {
                double sum = 0;
                int n = 0;
                for (Row r : done) {
                    if (r.getString("config.dataset").equals(d) && column(r, hasTokens).equals(c)) {
                        sum += r.getDouble("metrics." + SentimentExperiment.ACCURACY);
                        n++;
                    }
                }
                col.append(n == 0 ? Double.NaN : 100 * sum / n);
            }
            out.addColumns(col);
        }
        String[] paper = {"no prompt, 6 (paper)", "iprompt, 6 (paper)", "no prompt, 12 (paper)", "iprompt, 12 (paper)"};
        for (int i = 0; i < paper.length; i++) {
            DoubleColumn col = DoubleColumn.create(paper[i]);
            for (String d : datasets) {
                double[] p = PAPER_GPTJ.get(d);
                col.append(p == null ? Double.NaN : p[i]);
            }
            out.addColumns(col);
        }
        return out;
    }

    private static int order(String column) {
        return column.equals(SentimentExperiment.NONE) ? 0 : column.startsWith("human") ? 1 : 2;
    }

    /** iPrompt's held-out prompt per dataset, tokens and seed, with its held-out and training accuracy. */
    public static Table prompts(Table runs) {
        Table done = done(runs);
        done = done.where(done.stringColumn("config.method").isEqualTo(SentimentExperiment.IPROMPT));
        Table out = Table.create("sentiment: iPrompt's best prompt per seed",
                StringColumn.create("dataset"), IntColumn.create("tokens"), IntColumn.create("seed"),
                StringColumn.create("prompt"), DoubleColumn.create("held-out accuracy"),
                DoubleColumn.create("train accuracy"));
        for (Row r : done) {
            out.stringColumn("dataset").append(r.getString("config.dataset"));
            out.intColumn("tokens").append((int) r.getLong("config.params.tokens"));
            out.intColumn("seed").append((int) r.getLong("config.seed"));
            out.stringColumn("prompt").append('"' + topPrompt(r.getString("prompts")) + '"');
            out.doubleColumn("held-out accuracy").append(r.getDouble("metrics." + SentimentExperiment.ACCURACY));
            out.doubleColumn("train accuracy").append(r.getDouble("metrics.train_accuracy"));
        }
        return out;
    }

    /** The first prompt of a record's {@code prompts} list, which a loaded table holds as JSON text. */
    static String topPrompt(String promptsJson) {
        try {
            return Json.MAPPER.readTree(promptsJson).path(0).path("prompt").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("prompts column is not JSON: " + e.getMessage(), e);
        }
    }

    private static Table done(Table runs) {
        return runs.where(runs.stringColumn("status").isEqualTo("done"));
    }

    /** The tables of a results folder, for the command line and notebooks. */
    public static List<Table> all(java.nio.file.Path dir) {
        Table runs = Results.load(dir);
        return List.of(accuracy(runs), prompts(runs));
    }
}
