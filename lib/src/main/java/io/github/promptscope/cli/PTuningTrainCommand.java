package io.github.promptscope.cli;

import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.experiments.PTuningRuns;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.ptuning.PTuningConfig;
import io.github.promptscope.ptuning.PromptEncoder;
import io.github.promptscope.ptuning.TrainingProgress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Tune p + q prompt vectors for a frozen model (spec B1-B2): dev evaluation every epoch, early stopping",
                "on dev token accuracy, the best dev epoch's test metrics kept. Run again with the same --out to resume."})
final class PTuningTrainCommand implements Callable<Integer> {

    @Mixin
    PTuningTaskOption task;

    @Mixin
    ModelOption model;

    @Option(names = "--design", defaultValue = "original",
            description = "original (THUDM: learned embedding -> BiLSTM -> MLP), new (frozen embeddings of anchor tokens -> "
                    + "BiLSTM -> linear), or hard (the human prompt's tokens, untuned). Default ${DEFAULT-VALUE}.")
    String design;

    @Option(names = "--init", defaultValue = "template",
            description = "New design's anchors: template (the human prompt's p + q tokens) or random (distinct random ids).")
    String init;

    @Option(names = "--residual", description = "New design: add the anchors back (prompt = anchor + learned delta).")
    boolean residual;

    @Option(names = "--reference-delta-init",
            description = "With --residual: start the last linear layer with nn.Linear's random init, as the reference does, "
                    + "instead of zero (then the untrained prompt is not exactly its anchors).")
    boolean referenceDeltaInit;

    @Option(names = "--mlp", defaultValue = "1", description = "New design: linear layers after the LSTM, 1 or 2 (default ${DEFAULT-VALUE}).")
    int mlp;

    @Option(names = "--template", defaultValue = "3,3", paramLabel = "P,Q",
            description = "Prompt vectors before the query and between query and answer (default ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--out", required = true, description = "Run folder: run.json, training.json (the log), encoder.bin, state.bin.")
    Path out;

    @Option(names = "--epochs", defaultValue = "60", description = "At most this many epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "1e-5",
            description = "Adam learning rate (default ${DEFAULT-VALUE}, the reference's for a 1.3B model; small models need more).")
    double lr;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of init, random anchors and shuffling (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch", defaultValue = "4", description = "Training batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--early-stop", defaultValue = "20", description = "Dev evaluations without a new best before stopping (default ${DEFAULT-VALUE}).")
    int earlyStop;

    @Override
    public Integer call() throws Exception {
        PTuningConfig cfg = config();
        TuningTask t = task.load();
        try (LanguageModel lm = model.load()) {
            PTuningRuns.Trained run = PTuningRuns.train(lm, t, task.name,
                    task.file == null ? null : task.file.toString(), task.seed, cfg, out);
            PromptEncoder enc = run.encoder();
            TrainingProgress p = run.progress();
            System.out.printf(Locale.ROOT, "%s  %s  %d trainable numbers  best dev epoch %d  dev token accuracy %.4f%n",
                    t.name(), cfg.design().name().toLowerCase(Locale.ROOT), enc.size(), p.bestEpoch(), p.bestDev());
            p.bestTest().forEach((k, v) -> System.out.printf(Locale.ROOT, "  test %s %.4f%n", k, v));
            System.out.println("  log: " + out.resolve("training.json"));
        }
        return 0;
    }

    PTuningConfig config() {
        int[] pq = parseTemplate(template);
        PTuningConfig.Design d = switch (design) {
            case "original" -> PTuningConfig.Design.ORIGINAL;
            case "new" -> PTuningConfig.Design.NEW;
            case "hard" -> PTuningConfig.Design.HARD;
            default -> throw new IllegalArgumentException("--design \"" + design + "\": use original, new or hard");
        };
        PTuningConfig.Init i = switch (init) {
            case "template" -> PTuningConfig.Init.TEMPLATE;
            case "random" -> PTuningConfig.Init.RANDOM;
            default -> throw new IllegalArgumentException("--init \"" + init + "\": use template or random");
        };
        if (d != PTuningConfig.Design.NEW && (residual || mlp != 1 || i != PTuningConfig.Init.TEMPLATE)) {
            throw new IllegalArgumentException("--residual, --mlp and --init shape the new design; add --design new");
        }
        if (referenceDeltaInit && !residual) {
            throw new IllegalArgumentException("--reference-delta-init only matters with --residual");
        }
        return PTuningConfig.defaults().withTemplate(pq[0], pq[1]).withDesign(d, i, residual, mlp)
                .withZeroDelta(!referenceDeltaInit).withTraining(lr, batch, epochs, seed).withEarlyStop(earlyStop);
    }

    /** "3,3" as {p, q}: two whole numbers, not both zero. */
    static int[] parseTemplate(String text) {
        String[] parts = text.split(",", -1);
        try {
            if (parts.length == 2) {
                int p = Integer.parseInt(parts[0].strip());
                int q = Integer.parseInt(parts[1].strip());
                if (p >= 0 && q >= 0 && p + q > 0) {
                    return new int[] {p, q};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--template \"" + text + "\": write P,Q, the prompt vectors before the query and "
                + "between query and answer, like 3,3 (whole numbers >= 0, not both 0)");
    }
}
