package io.github.promptscope.experiments;

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

/**
 * {@link NeuronComparison} records as Lee et al.'s table: per prompt, the simulate-and-score mean
 * (per simulator), the AdaCS substitutes' similarity to the ground truth, how often the concept is
 * named, and tokens per neuron, with Lee et al.'s worked-example numbers beside them (spec
 * neurons.md section 6: 5 GPT-2 XL neurons, GPT-3.5 explainer, text-davinci-003 simulator, ada-002
 * embeddings, cl100k tokens). Their numbers and ours share only the ranking question; the models,
 * neurons, embeddings and tokenizers differ.
 */
public final class NeuronComparisonTables {

    /** Lee et al.'s worked example (spec 6): sim-and-score mean, AdaCS mean, tokens per neuron. */
    public static final Map<String, double[]> LEE = Map.of(
            "original", new double[] {0.196, 0.844, 2376.6},
            "summary", new double[] {0.278, 0.869, 963.2},
            "highlight", new double[] {0.262, 0.871, 885.0},
            "highlight-summary", new double[] {0.238, 0.881, 1022.4},
            "avhs", new double[] {0.236, 0.846, 1269.6});

    private static final String PREFIX = "metrics.";
    private static final String SCORE = ".top_and_random_mean";

    private NeuronComparisonTables() {}

    /** Lee et al.'s table as the spec gives it, with the ratio of Original's tokens to each prompt's. */
    public static Table lee() {
        Table t = Table.create("Lee et al. worked example (spec neurons.md 6; 5 GPT-2 XL neurons, GPT-3.5 explainer)",
                StringColumn.create("prompt"), DoubleColumn.create("sim-and-score mean"), DoubleColumn.create("AdaCS mean"),
                DoubleColumn.create("tokens/neuron"), DoubleColumn.create("Original ÷ this"));
        for (String p : NeuronComparison.PROMPTS) {
            double[] v = LEE.get(p);
            if (v != null) {
                t.stringColumn("prompt").append(p);
                t.doubleColumn("sim-and-score mean").append(v[0]);
                t.doubleColumn("AdaCS mean").append(v[1]);
                t.doubleColumn("tokens/neuron").append(v[2]);
                t.doubleColumn("Original ÷ this").append(LEE.get("original")[2] / v[2]);
            }
        }
        return t;
    }

    /** The LM explainers the records name (token lookup, which uses none, left out). */
    public static List<String> explainers(Table runs) {
        Set<String> out = new LinkedHashSet<>();
        Table done = done(runs);
        for (int i = 0; i < done.rowCount(); i++) {
            if (!done.getString(i, "config.method").equals(ComparisonExplanations.TOKEN_LOOKUP)) {
                out.add(done.getString(i, "config.params.explainer"));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * One row per prompt: our means over the {@code kind} ("planted" or "real") neurons explained by
     * {@code explainer} (and token lookup, scored by the same simulators), Lee et al.'s beside.
     */
    public static Table byPrompt(Table runs, String kind, String explainer) {
        Table rows = selected(runs, kind, explainer);
        List<String> simulators = simulators(rows);
        Table t = Table.create(kind + " neurons, explainer " + explainer + ": means over neurons",
                StringColumn.create("prompt"), IntColumn.create("neurons"));
        for (String s : simulators) {
            t.addColumns(DoubleColumn.create(s + " score"), DoubleColumn.create(s + " best"));
        }
        t.addColumns(DoubleColumn.create("tfidf cosine"), DoubleColumn.create("hidden-state cosine"),
                DoubleColumn.create("names concept"), DoubleColumn.create("tokens/neuron (whole)"),
                DoubleColumn.create("tokens/neuron (sent)"), DoubleColumn.create("Original ÷ this (whole)"),
                DoubleColumn.create("Lee score"), DoubleColumn.create("Lee AdaCS"), DoubleColumn.create("Lee tokens"));
        double originalTokens = Double.NaN;
        for (String p : NeuronComparison.PROMPTS) {
            Table r = rows.where(rows.stringColumn("config.method").isEqualTo(p));
            if (r.rowCount() == 0) {
                continue;
            }
            t.stringColumn("prompt").append(p);
            t.intColumn("neurons").append(r.rowCount());
            for (String s : simulators) {
                t.doubleColumn(s + " score").append(mean(r, PREFIX + s + SCORE));
                t.doubleColumn(s + " best").append(mean(r, PREFIX + s + ".top_and_random_best"));
            }
            t.doubleColumn("tfidf cosine").append(mean(r, PREFIX + "adacs_substitute.tfidf_cosine_mean"));
            t.doubleColumn("hidden-state cosine").append(mean(r, PREFIX + "adacs_substitute.mean_hidden_state_cosine_mean"));
            t.doubleColumn("names concept").append(mean(r, PREFIX + "names_concept"));
            double whole = mean(r, PREFIX + "tokens_whole_prompt");
            if (p.equals("original")) {
                originalTokens = whole;
            }
            t.doubleColumn("tokens/neuron (whole)").append(whole);
            t.doubleColumn("tokens/neuron (sent)").append(mean(r, PREFIX + "tokens_sent"));
            t.doubleColumn("Original ÷ this (whole)").append(whole > 0 ? originalTokens / whole : Double.NaN);
            double[] lee = LEE.getOrDefault(p, new double[] {Double.NaN, Double.NaN, Double.NaN});
            t.doubleColumn("Lee score").append(lee[0]);
            t.doubleColumn("Lee AdaCS").append(lee[1]);
            t.doubleColumn("Lee tokens").append(lee[2]);
        }
        return t;
    }

    /** Per neuron and prompt: the best explanation and its scores, for reading what the explainer wrote. */
    public static Table explanations(Table runs, String explainer) {
        Table rows = selected(runs, null, explainer);
        List<String> simulators = simulators(rows);
        Table t = Table.create("best explanation per neuron and prompt, explainer " + explainer,
                StringColumn.create("neuron"), StringColumn.create("prompt"), StringColumn.create("best explanation"));
        simulators.forEach(s -> t.addColumns(DoubleColumn.create(s + " best")));
        for (int i = 0; i < rows.rowCount(); i++) {
            t.stringColumn("neuron").append(rows.getString(i, "config.dataset"));
            t.stringColumn("prompt").append(rows.getString(i, "config.method"));
            t.stringColumn("best explanation").append(SentimentTables.topPrompt(rows.getString(i, "prompts")));
            for (String s : simulators) {
                t.doubleColumn(s + " best").append(value(rows, i, PREFIX + s + ".top_and_random_best"));
            }
        }
        return t.sortAscendingOn("neuron", "prompt");
    }

    /** The tables of a records folder for the command line: planted and real, for every explainer. */
    public static List<Table> all(java.nio.file.Path dir) {
        Table runs = Results.load(dir);
        List<Table> out = new ArrayList<>();
        List<String> explainers = explainers(runs);
        for (String e : explainers.isEmpty() ? List.of("") : explainers) {
            for (String kind : List.of("planted", "real")) {
                Table t = byPrompt(runs, kind, e);
                if (t.rowCount() > 0) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Done records of {@code kind} (null: both): the explainer's, and token lookup's scored by the same simulators. */
    private static Table selected(Table runs, String kind, String explainer) {
        Table done = done(runs);
        if (done.rowCount() == 0) {
            return done;
        }
        if (kind != null) {
            done = done.where(done.stringColumn("config.params.kind").isEqualTo(kind));
        }
        Table lm = done.where(done.stringColumn("config.params.explainer").isEqualTo(explainer));
        if (lm.rowCount() == 0) { // no LM records (a token-lookup-only run): the baseline alone
            return done.where(done.stringColumn("config.method").isEqualTo(ComparisonExplanations.TOKEN_LOOKUP));
        }
        String sims = lm.getString(0, "config.params.simulators");
        return done.where(done.stringColumn("config.params.simulators").isEqualTo(sims)
                .and(done.stringColumn("config.params.explainer").isEqualTo(explainer)
                        .or(done.stringColumn("config.method").isEqualTo(ComparisonExplanations.TOKEN_LOOKUP))));
    }

    /** Simulator names, from the score columns the records have. */
    private static List<String> simulators(Table rows) {
        List<String> out = new ArrayList<>();
        for (String c : rows.columnNames()) {
            if (c.startsWith(PREFIX) && c.endsWith(SCORE)) {
                out.add(c.substring(PREFIX.length(), c.length() - SCORE.length()));
            }
        }
        return out;
    }

    private static Table done(Table runs) {
        if (!runs.containsColumn("status") || !runs.containsColumn("config.params.kind")) {
            return Table.create("no neuron comparison records", StringColumn.create("config.method"));
        }
        return runs.where(runs.stringColumn("status").isEqualTo("done")
                .and(runs.stringColumn("config.system").isEqualTo("neurons")));
    }

    /** The mean of a column's defined values; NaN when the column is absent or has none. */
    private static double mean(Table t, String column) {
        if (!t.containsColumn(column)) {
            return Double.NaN;
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            values.add(value(t, i, column));
        }
        return ComparisonExplanations.finiteMean(values);
    }

    private static double value(Table t, int row, String column) {
        if (!t.containsColumn(column) || t.column(column).isMissing(row)) {
            return Double.NaN;
        }
        return ((Number) t.column(column).get(row)).doubleValue();
    }
}
