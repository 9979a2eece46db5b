package io.github.promptscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.data.TaskInfo;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.Results;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.SearchRecords;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.results.SweepRunner;
import io.github.promptscope.search.Budget;
import io.github.promptscope.search.IPromptConfig;
import io.github.promptscope.search.Methods;
import io.github.promptscope.search.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every task x method x seed, one run record each, then print the recovery table.",
                "Runs already recorded are skipped, so an interrupted sweep resumes where it stopped."})
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--tasks", split = ",", defaultValue = "math",
            description = "Task names, or a collection (math: the paper's 10 synthetic-math tasks). Default ${DEFAULT-VALUE}.")
    List<String> tasks;

    @Option(names = "--methods", split = ",", defaultValue = "iprompt,suffix,autoprompt", description = "Default ${DEFAULT-VALUE}.")
    List<String> methods;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "Default ${DEFAULT-VALUE}.")
    List<Long> seeds;

    @Option(names = "--experiment", defaultValue = "math_recovery", description = "Records go to RESULTS/EXPERIMENT (default ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--results", defaultValue = "results", description = "Results folder (default ${DEFAULT-VALUE}).")
    Path results;

    @Mixin
    ModelOption model;

    @Option(names = "--steps", defaultValue = "60", description = "Most search steps per run (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--n", defaultValue = "100", description = "Examples generated per task (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--parallel", defaultValue = "1", description = "Runs at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Override
    public Integer call() {
        List<String> taskNames = expand(tasks);
        for (String m : methods) {
            Methods.create(m, IPromptConfig.quick()); // fail on an unknown name before any run
        }
        System.setProperty("promptscope.progress", "off"); // the sweep's own bar reports progress
        try (LanguageModel lm = model.load()) {
            List<RunConfig> configs = new ArrayList<>();
            for (String task : taskNames) {
                for (String method : methods) {
                    for (long seed : seeds) {
                        configs.add(SearchRecords.config(method, task, seed, lm.dir().toString(), lm.weightsSha256(),
                                params(seed)));
                    }
                }
            }
            RecordStore store = new RecordStore(results, experiment);
            SweepReport report = SweepRunner.into(store).parallelism(parallel).run(configs, c -> {
                Dataset d = Datasets.get(c.dataset(), c.seed(), n);
                List<Example> train = d.train();
                SearchResult r = Methods.create(c.method(), config(c.seed())).search(lm,
                        train.stream().map(Example::input).toList(), train.stream().map(Example::output).toList(),
                        Budget.unlimited());
                return SearchRecords.output(r, d.keywords());
            });
            System.out.printf("%d runs done, %d skipped (already recorded), %d failed%n", report.done().size(),
                    report.skipped().size(), report.failed().size());
            report.failed().forEach(f -> System.out.println("  failed: " + f.config().dataset() + " "
                    + f.config().method() + " seed " + f.config().seed() + ": " + f.error().message()));
            printRecovery(store.dir());
            return report.failed().isEmpty() ? 0 : 1;
        }
    }

    private IPromptConfig config(long seed) {
        return IPromptConfig.quick().toBuilder().seed(seed).maxNSteps(steps).build();
    }

    private Map<String, Object> params(long seed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n", n);
        @SuppressWarnings("unchecked")
        Map<String, Object> search = new ObjectMapper().convertValue(config(seed), Map.class);
        p.put("search", search);
        return p;
    }

    static List<String> expand(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (name.equals("math")) {
                Datasets.list().stream().filter(t -> t.collection().equals("math") && !t.name().endsWith("_three"))
                        .map(TaskInfo::name).forEach(out::add);
            } else {
                out.add(Datasets.task(name).name());
            }
        }
        return out;
    }

    /** Mean reciprocal rank and top-1 correctness per task and method, as the paper's tables report. */
    static void printRecovery(Path dir) {
        Table runs = Results.load(dir).where(t -> t.stringColumn("status").isEqualTo("done"));
        if (runs.rowCount() == 0) {
            return;
        }
        Table mrr = Results.summarize(runs, "metrics.reciprocal_rank", "config.dataset", "config.method");
        Table top1 = Results.summarize(runs, "metrics.top1_correct", "config.method");
        Table overall = Results.summarize(runs, "metrics.reciprocal_rank", "config.method");
        System.out.println(mrr.printAll());
        System.out.println(overall.printAll());
        System.out.println(top1.printAll());
    }
}
