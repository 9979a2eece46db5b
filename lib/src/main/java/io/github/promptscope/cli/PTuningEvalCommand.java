package io.github.promptscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.data.TuningTaskFile;
import io.github.promptscope.data.tuning.TuningExample;
import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.data.tuning.TuningTasks;
import io.github.promptscope.experiments.PTuningEvaluation;
import io.github.promptscope.experiments.PTuningReadoutJson;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.ptuning.PTuningConfig;
import io.github.promptscope.ptuning.PromptEncoder;
import io.github.promptscope.ptuning.PromptEncoders;
import io.github.promptscope.ptuning.PromptReadout;
import io.github.promptscope.ptuning.RunSpec;
import io.github.promptscope.ptuning.SlotReadout;
import io.github.promptscope.util.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a run's best-dev prompt on its test split (spec B3): token accuracy, exact match or ROUGE,",
                "greedy-generation exact match, and each prompt vector's nearest vocabulary tokens. Writes eval.json to the run."})
final class PTuningEvalCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "A `ptuning train --out` folder.")
    Path run;

    @Option(names = "--model", paramLabel = "DIR", description = "The model folder, if not where run.json names it.")
    Path modelDir;

    @Option(names = "--print-topk", defaultValue = "3", description = "Nearest tokens shown per prompt vector, 0 for none (default ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--metrics-to-file", paramLabel = "FILE",
            description = "Per-test-example scores, one line each (exact match 0/1, or r1<TAB>r2<TAB>rL for ROUGE tasks), "
                    + "as the reference's --eval_metrics_to_file; the input of a paired bootstrap.")
    Path metricsFile;

    @Option(names = "--split", defaultValue = "test", description = "test or dev (default ${DEFAULT-VALUE}).")
    String split;

    @Override
    public Integer call() throws Exception {
        if (topK < 0) {
            throw new IllegalArgumentException("--print-topk must be 0 or more, got " + topK);
        }
        RunSpec spec = RunSpec.read(run);
        TuningTask task = spec.task() != null ? TuningTasks.named(spec.task(), spec.taskSeed())
                : TuningTaskFile.read(Path.of(spec.taskFile()), spec.promptBefore(), spec.promptBetween(), spec.rouge());
        List<TuningExample> examples = switch (split) {
            case "test" -> task.test();
            case "dev" -> task.dev();
            default -> throw new IllegalArgumentException("--split \"" + split + "\": use test or dev");
        };
        PTuningConfig cfg = spec.config();
        try (LanguageModel lm = LanguageModel.load(modelDir(spec))) {
            if (!lm.weightsSha256().equals(spec.modelSha256())) {
                throw new IllegalArgumentException("--model " + lm.dir() + ": not the model this run was trained on ("
                        + spec.model() + ", weights " + spec.modelSha256().substring(0, 12) + ")");
            }
            PromptEncoder enc = PromptEncoders.create(cfg, lm, spec.promptBefore(), spec.promptBetween(), spec.anchorIds());
            RunSpec.loadBest(run, enc);
            float[][] rows = RunSpec.promptRows(enc);
            PTuningEvaluation result = PTuningEvaluation.run(lm, task, cfg, rows, enc.anchorIds(), examples, topK);
            Map<String, Double> metrics = result.metrics();

            ObjectNode record = new ObjectMapper().createObjectNode();
            record.put("split", split);
            record.put("examples", examples.size());
            ObjectNode m = record.putObject("metrics");
            metrics.forEach(m::put);
            System.out.printf(Locale.ROOT, "%s  %s  %s (%d examples)%n", task.name(),
                    cfg.design().name().toLowerCase(Locale.ROOT), split, examples.size());
            m.fields().forEachRemaining(e -> System.out.printf(Locale.ROOT, "  %-20s %.4f%n", e.getKey(), e.getValue().asDouble()));
            if (topK > 0) {
                List<SlotReadout> slots = result.slots();
                printReadout(slots, cfg.prefix());
                record.set("nearest_tokens", PTuningReadoutJson.slots(slots));
                PTuningReadoutJson.putMaybeNaN(record, "fraction_still_init", PromptReadout.fractionStillInit(slots));
                PTuningReadoutJson.putMaybeNaN(record, "mean_cosine_to_init", PromptReadout.meanCosineToInit(slots));
            }
            AtomicFiles.writeString(run.resolve("eval-" + split + ".json"),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(record));
            if (metricsFile != null) {
                AtomicFiles.writeString(metricsFile, String.join("\n", result.perExample()) + "\n");
                System.out.println("  per-example scores: " + metricsFile);
            }
        }
        return 0;
    }

    private Path modelDir(RunSpec spec) {
        if (modelDir != null) {
            return modelDir;
        }
        Path home = Path.of(System.getProperty("promptscope.home", "."));
        Path dir = home.resolve(spec.model());
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the run's model " + spec.model() + " is not at " + dir + "; give --model DIR");
        }
        return dir;
    }

    private static void printReadout(List<SlotReadout> slots, int prefix) {
        System.out.println("  nearest tokens per prompt vector (L2 | cosine), decoded and [raw pieces]:");
        for (SlotReadout s : slots) {
            String where = s.slot() < prefix ? "before" : "between";
            String init = s.initId() < 0 ? "" : String.format(Locale.ROOT, "  cos to init %.3f%s", s.cosineToInit(),
                    s.nearestIsInit() ? " (still nearest)" : "");
            System.out.printf(Locale.ROOT, "  %d %-7s %s %s | %s %s%s%n", s.slot(), where, decoded(s.l2()), pieces(s.l2()),
                    decoded(s.cosine()), pieces(s.cosine()), init);
        }
        double still = PromptReadout.fractionStillInit(slots);
        if (!Double.isNaN(still)) {
            System.out.printf(Locale.ROOT, "  slots still nearest their initial token %.2f, mean cosine to it %.3f%n",
                    still, PromptReadout.meanCosineToInit(slots));
        }
    }

    private static String decoded(List<SlotReadout.Token> tokens) {
        return tokens.stream().map(t -> "\"" + t.decoded() + "\"").toList().toString();
    }

    private static String pieces(List<SlotReadout.Token> tokens) {
        return tokens.stream().map(SlotReadout.Token::piece).toList().toString();
    }
}
