package io.github.promptscope.cli;

import io.github.promptscope.util.RepoPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.TaskInfo;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.DescriptionGap;
import io.github.promptscope.plots.Figures;
import io.github.promptscope.plots.Plots;
import io.github.promptscope.results.TrainingCurve;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate-model", mixinStandardHelpOptions = true,
        description = {"Per task, a model's accuracy with the true description, a wrong one, and none;",
                "writes OUT/description_gap.json and copies the training log and summary beside it."})
final class EvaluateModelCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Option(names = "--out", defaultValue = "results/default-model", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--per-task", defaultValue = "50", description = "Examples per task (default ${DEFAULT-VALUE}).")
    int perTask;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the examples (the training corpus's seed).")
    long seed;

    @Option(names = "--tasks", split = ",", description = "Tasks to evaluate, in order (default: every task; a task's "
            + "wrong description is the next one's).")
    List<String> only;

    /** Grouped bars: accuracy with the true description, a wrong one, and none, per task. */
    static Figure gapFigure(List<DescriptionGap.Row> rows) {
        StringColumn task = StringColumn.create("task");
        StringColumn prompt = StringColumn.create("prompt");
        DoubleColumn acc = DoubleColumn.create("accuracy");
        DoubleColumn zero = DoubleColumn.create("error");
        for (DescriptionGap.Row r : rows) {
            for (String kind : List.of("true description", "wrong description", "no description")) {
                task.append(r.task());
                prompt.append(kind);
                acc.append(kind.startsWith("true") ? r.withTrue() : kind.startsWith("wrong") ? r.withWrong() : r.withNone());
                zero.append(0);
            }
        }
        return Plots.barsWithErrors(Table.create("gap", task, prompt, acc, zero), "task", "prompt", "accuracy", "error",
                "Default model: exact-match accuracy per task by prompt");
    }

    /** Training and validation loss against the step, from the training log. */
    static Figure curveFigure(Path log) throws java.io.IOException {
        return Plots.line(TrainingCurve.of(log), "step", "loss", "split", "Default model: training curve (nats per token)");
    }

    @Override
    public Integer call() throws Exception {
        List<String> tasks = only == null ? Datasets.list().stream().map(TaskInfo::name).toList()
                : only.stream().map(t -> Datasets.task(t).name()).toList();
        ObjectMapper json = new ObjectMapper();
        try (LanguageModel lm = model.load()) {
            List<DescriptionGap.Row> rows = DescriptionGap.evaluate(lm, tasks, seed, perTask);
            System.out.printf("%-20s %-10s %6s %6s %6s %6s %8s%n", "task", "collection", "true", "wrong", "none", "gap",
                    "held-out");
            ArrayNode arr = json.createArrayNode();
            for (DescriptionGap.Row r : rows) {
                System.out.printf("%-20s %-10s %6.2f %6.2f %6.2f %6.2f %8.2f%n", r.task(), r.collection(), r.withTrue(),
                        r.withWrong(), r.withNone(), r.gap(), r.trueHeldOut());
                ObjectNode o = json.valueToTree(r);
                o.put("gap", r.gap());
                arr.add(o);
            }
            ObjectNode doc = json.createObjectNode();
            doc.put("model", RepoPaths.label(lm.dir()));
            doc.put("weights_sha256", lm.weightsSha256());
            doc.put("per_task", perTask);
            doc.put("seed", seed);
            doc.put("layout", "[description][\". \" + input][output], greedy exact match");
            doc.set("tasks", arr);
            AtomicFiles.writeString(out.resolve("description_gap.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            // the training log stays with the model (models/default); the figures are drawn from it, not copied
            Figures.save(gapFigure(rows), out.resolve("description_gap.html"));
            if (Files.isRegularFile(lm.dir().resolve("training_log.jsonl"))) {
                Figures.save(curveFigure(lm.dir().resolve("training_log.jsonl")), out.resolve("training_curve.html"));
            }
            System.out.println("wrote " + out.resolve("description_gap.json") + " and the figures beside it");
        }
        return 0;
    }
}
