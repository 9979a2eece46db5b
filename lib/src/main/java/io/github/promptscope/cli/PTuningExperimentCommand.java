package io.github.promptscope.cli;

import io.github.promptscope.experiments.PTuningExperiment;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.ptuning.PTuningConfig;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.util.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"The study's four arms (original encoder; new design from the human prompt; new design from random",
                "tokens; the human prompt untuned) x tasks x seeds, then a paired bootstrap of new (template) vs original",
                "per task and seed (spec B6). One record per run in --out, skipped when done: run again to resume."})
final class PTuningExperimentCommand implements Callable<Integer> {

    @Option(names = "--tasks", split = ",", defaultValue = "toy-rcqa,toy-nli,toy-topic,toy-summary,toy-ja",
            description = "Registered tasks (default ${DEFAULT-VALUE}).")
    List<String> tasks;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "Training seeds (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--model", paramLabel = "DIR", defaultValue = "models/tuning",
            description = "The frozen model (default ${DEFAULT-VALUE}, the P-tuning base model).")
    Path model;

    @Option(names = "--out", defaultValue = "results/ptuning",
            description = "Records folder; per-example scores and readouts go to its scores/ and readouts/ (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Run folders (weights, optimizer state; large, not records). Default: --out's runs/.")
    Path work;

    @Option(names = "--epochs", defaultValue = "60", description = "At most this many epochs per run (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default ${DEFAULT-VALUE}, for the small base model).")
    double lr;

    @Option(names = "--batch", defaultValue = "4", description = "Training batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--early-stop", defaultValue = "20",
            description = "Dev evaluations without a new best before stopping (default ${DEFAULT-VALUE}).")
    int earlyStop;

    @Override
    public Integer call() throws Exception {
        PTuningConfig base = PTuningConfig.defaults().withTraining(lr, batch, epochs, 0).withEarlyStop(earlyStop);
        // the sweep's bar replaces each run's epoch bar
        try (Progress.Off quiet = Progress.off(); LanguageModel lm = LanguageModel.load(model)) {
            RecordStore store = RecordStore.at(out);
            PTuningExperiment exp = new PTuningExperiment(lm, tasks, seeds, base, work != null ? work : out.resolve("runs"));
            SweepReport report = exp.run(store, true);
            System.out.printf("%d runs done, %d skipped (already recorded), %d failed%n", report.done().size(),
                    report.skipped().size(), report.failed().size());
            report.failed().forEach(f -> System.out.println("  failed: " + f.config().dataset() + " "
                    + f.config().method() + " seed " + f.config().seed() + ": " + f.error().message()));
            return report.failed().isEmpty() ? 0 : 1;
        }
    }
}
