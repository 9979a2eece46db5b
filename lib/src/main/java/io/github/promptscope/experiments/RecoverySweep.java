package io.github.promptscope.experiments;

import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.SweepExecutor;
import io.github.promptscope.results.SweepPlan;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.results.SweepRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.results.Json;

import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Task;
import io.github.promptscope.data.TaskInfo;
import io.github.promptscope.lm.Dtype;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.search.Budget;
import io.github.promptscope.search.IPromptConfig;
import io.github.promptscope.search.Methods;
import io.github.promptscope.search.SearchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The paper's explanation-recovery experiment: every task x method x seed searched on one model,
 * one run record each, then mean reciprocal rank and top-1 correctness per task and method. Runs
 * already recorded are skipped, so an interrupted sweep resumes, and a notebook over committed
 * records renders its figure without searching again.
 *
 * <pre>{@code
 * SweepReport r = RecoverySweep.of(lm).tasks("math").seeds(1, 2, 3).run(RecordStore.of("math_recovery"));
 * Table mrr = RecoverySweep.mrr(sweep.runs(store));
 * RecoverySweep.of(lm).tasks("math").on(Slurm.cluster("cpu").maxParallel(16)).run(store);  // on a cluster
 * }</pre>
 */
public final class RecoverySweep {

    private final LanguageModel model;
    private List<String> tasks = mathTasks();
    private List<String> methods = Methods.NAMES;
    private List<Long> seeds = List.of(1L, 2L, 3L);
    private int steps = 30;
    private int examples = 100;
    private int parallelism = 1;
    private SweepExecutor executor;

    /** The manifest kind of this sweep: {@link SweepWorker} rebuilds it from a plan's settings. */
    public static final String KIND = "recovery";

    private RecoverySweep(LanguageModel model) {
        this.model = model;
    }

    public static RecoverySweep of(LanguageModel model) {
        return new RecoverySweep(model);
    }

    /** Task names; "math" stands for the paper's 10 synthetic-math tasks. */
    public RecoverySweep tasks(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals("math")) {
                out.addAll(mathTasks());
            } else if (n.equals("anli") || n.equals("induction")) {
                out.addAll(collection(n));
            } else {
                out.add(Datasets.task(n).name());
            }
        }
        this.tasks = out;
        return this;
    }

    public RecoverySweep methods(String... names) {
        for (String m : names) {
            Methods.create(m, IPromptConfig.quick()); // an unknown name fails here, before any run
        }
        this.methods = List.of(names);
        return this;
    }

    public RecoverySweep seeds(long... s) {
        List<Long> out = new ArrayList<>();
        for (long x : s) {
            out.add(x);
        }
        this.seeds = out;
        return this;
    }

    /** Most search steps per run (30 by default: the quick preset at half the steps, so 90 runs fit in half an hour). */
    public RecoverySweep steps(int n) {
        this.steps = n;
        return this;
    }

    /** Examples generated per task (the search sees the training split). */
    public RecoverySweep examples(int n) {
        this.examples = n;
        return this;
    }

    public RecoverySweep parallelism(int n) {
        this.parallelism = n;
        return this;
    }

    /**
     * Where the runs execute: {@code SweepExecutor.local(n)} (the default, with {@link #parallelism})
     * or a cluster, {@code Slurm.cluster(...)}; the records, ids and tables are the same.
     */
    public RecoverySweep on(SweepExecutor executor) {
        this.executor = executor;
        return this;
    }

    /** This sweep as data for {@code store}: its configurations and what a worker needs to rerun them. */
    public SweepPlan plan(RecordStore store) {
        ObjectNode settings = Json.MAPPER.createObjectNode();
        settings.put("model", model.dir().toAbsolutePath().normalize().toString());
        settings.put("steps", steps).put("examples", examples);
        if (model.dtype() != Dtype.FLOAT32) {
            settings.put("dtype", model.dtype().label()); // absent: float32, as plans made before --dtype
        }
        return new SweepPlan(KIND, settings, store.dir().getParent() == null ? java.nio.file.Path.of(".")
                : store.dir().getParent(), store.experiment(), configs());
    }

    /** The sweep a plan's settings describe, on {@code model} (the one its {@code model} setting names). */
    static RecoverySweep fromSettings(JsonNode settings, LanguageModel model) {
        return new RecoverySweep(model).steps(settings.path("steps").asInt()).examples(settings.path("examples").asInt());
    }

    public List<RunConfig> configs() {
        List<RunConfig> configs = new ArrayList<>();
        for (String task : tasks) {
            Map<Long, SearchedRows> rows = new LinkedHashMap<>();
            seeds.forEach(seed -> rows.put(seed, rows(Datasets.get(task, seed, examples))));
            for (String method : methods) {
                for (long seed : seeds) {
                    configs.add(config(method, rows.get(seed), seed));
                }
            }
        }
        return configs;
    }

    /** How many of this sweep's runs {@code store} has no completed record of yet. */
    public long pending(RecordStore store) {
        return configs().stream().filter(c -> !store.isDone(c)).count();
    }

    /**
     * This sweep's records in {@code store}, one row each: records of other configurations in the same
     * folder (an older algorithm's, other seeds or steps) are left out, so the tables count each run once.
     */
    public Table runs(RecordStore store) {
        return runs(Results.load(store.dir()));
    }

    /** The rows of {@code all} (records loaded from a folder) that are this sweep's own configurations. */
    public Table runs(Table all) {
        if (!all.containsColumn("id")) {
            return all; // no records yet
        }
        Set<String> ids = configs().stream().map(RunConfig::id).collect(Collectors.toSet());
        return all.where(all.stringColumn("id").isIn(ids));
    }

    public SweepReport run(RecordStore store) {
        SweepExecutor ex = executor != null ? executor : SweepExecutor.local(parallelism);
        return ex.execute(plan(store), runner());
    }

    /** One configuration in this process: the search it names, on this sweep's model. */
    SweepRunner.Run runner() {
        return c -> {
            if (!c.weightsSha256().equals(model.weightsSha256())) {
                throw new IllegalStateException("the configuration was made with weights " + c.weightsSha256()
                        + " but the model at " + model.dir() + " has " + model.weightsSha256());
            }
            Dataset d = Datasets.get(c.dataset(), c.seed(), examples);
            SearchedRows rows = rows(d);
            String wanted = config(c.method(), rows, c.seed()).id();
            if (!wanted.equals(c.id())) {
                // a manifest made by other code or settings: its id would label a record of another run
                throw new IllegalStateException("configuration " + c.id() + " (" + c.method() + " on " + c.dataset()
                        + ", seed " + c.seed() + ") is not the run this code makes from it (" + wanted
                        + "): plan the sweep again");
            }
            SearchResult r = Methods.create(c.method(), search(c.seed())).search(model, rows.inputs(), rows.outputs(),
                    Budget.steps(steps));
            return SearchRecords.output(r, d.keywords());
        };
    }

    private RunConfig config(String method, SearchedRows rows, long seed) {
        return SearchRecords.config(method, rows, model, search(seed), Budget.steps(steps));
    }

    private SearchedRows rows(Dataset d) {
        return SearchedRows.task(d, examples, Task.DEFAULT_TRAIN_FRACTION);
    }

    private IPromptConfig search(long seed) {
        return IPromptConfig.quick().toBuilder().seed(seed).build();
    }

    /** Mean reciprocal rank (with standard error and count) per task and method, from done records. */
    public static Table mrr(Table runs) {
        return Results.summarize(done(runs), "metrics.reciprocal_rank", "config.dataset", "config.method");
    }

    /** Mean reciprocal rank over all tasks per method: the paper's headline number. */
    public static Table mrrByMethod(Table runs) {
        return Results.summarize(done(runs), "metrics.reciprocal_rank", "config.method");
    }

    /** Fraction of runs whose top prompt is correct, per method. */
    public static Table correctnessByMethod(Table runs) {
        return Results.summarize(done(runs), "metrics.top1_correct", "config.method");
    }

    private static Table done(Table runs) {
        return runs.where(runs.stringColumn("status").isEqualTo("done"));
    }

    /** Every registered task of a collection (anli, induction), in registry order. */
    static List<String> collection(String name) {
        return Datasets.list().stream().filter(t -> t.collection().equals(name)).map(TaskInfo::name).toList();
    }

    static List<String> mathTasks() {
        return Datasets.list().stream().filter(t -> t.collection().equals("math") && !t.name().endsWith("_three"))
                .map(TaskInfo::name).toList();
    }
}
