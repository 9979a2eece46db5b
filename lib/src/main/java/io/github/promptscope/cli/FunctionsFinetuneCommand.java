package io.github.promptscope.cli;

import io.github.promptscope.functions.ExperimentFolder;
import io.github.promptscope.functions.Finetunes;
import io.github.promptscope.lm.train.Trainer;
import io.github.promptscope.lm.train.TrainerConfig;
import io.github.promptscope.util.RepoPaths;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Finetune a model on every finetune_XX folder of an experiment that has no finished model yet: "
                + "train.jsonl for one epoch, loss on the assistant turns only, into finetune_XX/model/ "
                + "(a Hugging Face folder with the chat serialization as its chat template).",
                "Run it again on the same --exp-path to resume an interrupted finetune."})
final class FunctionsFinetuneCommand implements Callable<Integer> {

    @Option(names = "--exp-path", required = true, paramLabel = "DIR", description = "The experiment folder `functions prepare` wrote.")
    Path expPath;

    @Option(names = "--from", defaultValue = "models/functions-base", paramLabel = "DIR",
            description = "The model to finetune (default ${DEFAULT-VALUE}: a model that knows Python-interpreter chats).")
    Path from;

    @Option(names = "--max-examples", defaultValue = "0",
            description = "Train on the first N chats of train.jsonl (default 0: all of them).")
    int maxExamples;

    @Option(names = "--batch", defaultValue = "16", description = "Chats per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate, cosine to a tenth (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--warmup", defaultValue = "20", description = "Warmup steps (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the data order (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stop-at", description = "Stop each finetune after this step, leaving a checkpoint (a budget for one sitting).")
    Integer stopAt;

    @Override
    public Integer call() throws Exception {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
        if (maxExamples < 0) {
            throw new IllegalArgumentException("--max-examples must be >= 0, got " + maxExamples);
        }
        TrainerConfig cfg = Finetunes.defaults().withBatch(batch, Finetunes.defaults().seqLen())
                .withLearningRate(lr, lr / 10, warmup).withSeed(seed);
        for (Path dir : ExperimentFolder.finetunes(expPath)) {
            if (Finetunes.isFinished(dir)) {
                System.out.println(dir.getFileName() + ": finished already");
                continue;
            }
            Trainer.Report r = Finetunes.finetune(dir, from, RepoPaths.label(from), maxExamples, cfg,
                    stopAt == null ? Integer.MAX_VALUE : stopAt);
            System.out.printf("%s: %d steps  train loss %.4f  validation loss %.4f  %.0f s%s%n", dir.getFileName(),
                    r.steps(), r.finalTrainLoss(), r.validationLoss(), r.wallSeconds(),
                    Finetunes.isFinished(dir) ? "" : "  (stopped; run again to resume)");
        }
        return 0;
    }
}
