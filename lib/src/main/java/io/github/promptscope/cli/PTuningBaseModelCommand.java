package io.github.promptscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.experiments.TuningModelCheck;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.util.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "base-model", mixinStandardHelpOptions = true,
        description = {"What a P-tuning base model knows before tuning: per stand-in task, teacher-forced token accuracy,",
                "exact match and answer loss on the test rows with the human prompt as text and with none;",
                "writes OUT/evaluation.json and prints a table."})
final class PTuningBaseModelCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", defaultValue = "models/tuning",
            description = "The base model folder (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--out", defaultValue = "results/tuning-model", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the tasks' splits (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = json.createObjectNode();
        List<TuningModelCheck.TaskRow> rows;
        try (LanguageModel lm = LanguageModel.load(model)) {
            rows = TuningModelCheck.run(lm, seed);
            doc.put("model", RepoPaths.label(model)).put("weights_sha256", lm.weightsSha256()).put("seed", seed)
                    .put("split", "test").put("layout", "' ' + before + ' ' + query + ' ' + between + ' ' + answer, then EOS");
        }
        Path training = model.resolve("training.json");
        if (Files.isRegularFile(training)) {
            doc.set("training", json.readTree(training.toFile()).path("report"));
        }
        ArrayNode tasks = doc.putArray("tasks");
        System.out.println("task          p+q  query  answer | prompt: tok acc  exact  ROUGE-L  loss | bare: tok acc  exact  loss");
        for (TuningModelCheck.TaskRow r : rows) {
            ObjectNode row = json.valueToTree(r);
            if (Double.isNaN(r.promptRougeL())) {
                row.putNull("promptRougeL");   // JSON has no NaN: null for tasks not scored by ROUGE
            }
            tasks.add(row);
            System.out.printf(Locale.ROOT, "%-12s  %d+%d  %5d  %6d |   %.3f  %.3f  %7s  %.3f |   %.3f  %.3f  %.3f%n", r.task(),
                    r.beforeTokens(), r.betweenTokens(), r.maxQueryTokens(), r.maxAnswerTokens(), r.promptTokenAccuracy(),
                    r.promptExactMatch(), Double.isNaN(r.promptRougeL()) ? "-" : String.format(Locale.ROOT, "%.3f", r.promptRougeL()),
                    r.promptAnswerLoss(), r.bareTokenAccuracy(), r.bareExactMatch(), r.bareAnswerLoss());
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve("evaluation.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
        return 0;
    }
}
