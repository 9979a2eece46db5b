package io.github.promptscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.TaskInfo;
import io.github.promptscope.lm.AtomicFiles;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.DescriptionGap;
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

    @Override
    public Integer call() throws Exception {
        List<String> tasks = Datasets.list().stream().map(TaskInfo::name).toList();
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
            doc.put("model", lm.dir().toString());
            doc.put("weights_sha256", lm.weightsSha256());
            doc.put("per_task", perTask);
            doc.put("seed", seed);
            doc.put("layout", "[description][\". \" + input][output], greedy exact match");
            doc.set("tasks", arr);
            AtomicFiles.writeString(out.resolve("description_gap.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            for (String f : List.of("training_log.jsonl", "training.json")) {
                if (Files.isRegularFile(lm.dir().resolve(f))) {
                    AtomicFiles.copy(lm.dir().resolve(f), out.resolve(f));
                }
            }
            System.out.println("wrote " + out.resolve("description_gap.json"));
        }
        return 0;
    }
}
