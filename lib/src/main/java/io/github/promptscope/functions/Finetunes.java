package io.github.promptscope.functions;

import io.github.promptscope.data.ChatSerialization;
import io.github.promptscope.data.ChatSerialization.Segment;
import io.github.promptscope.lm.checkpoint.ChatTemplateFile;
import io.github.promptscope.lm.train.Trainer;
import io.github.promptscope.lm.train.TrainerConfig;
import io.github.promptscope.lm.train.TrainingRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The finetunes of an experiment folder written by {@code functions prepare}
 * ({@link ExperimentFolder}): every {@code finetune_XX/} with its {@code train.jsonl} and
 * {@code valid.jsonl} (chats in the OpenAI
 * fine-tuning format), finetuned locally into {@code finetune_XX/model/}, a Hugging Face folder that
 * carries the chat serialization as its chat template.
 */
public final class Finetunes {

    /** Where a finetune's model goes, inside its folder. */
    public static final String MODEL = "model";

    /**
     * A scaled-down A4 recipe for CPU (A9): one epoch, 16 chats per step, peak learning rate 1e-3
     * after 20 warmup steps and cosine to 1e-4, a checkpoint every 50 steps, validation at the end.
     */
    public static TrainerConfig defaults() {
        return TrainerConfig.defaults().withBatch(16, 256).withLearningRate(1e-3, 1e-4, 20).withSchedule(50, 0, 64);
    }

    private Finetunes() {}

    /** True when the finetune's model is finished (saved with its training summary). */
    public static boolean isFinished(Path finetune) {
        return Files.isRegularFile(finetune.resolve(MODEL).resolve("training.json"))
                && Files.isRegularFile(finetune.resolve(MODEL).resolve("model.safetensors"));
    }

    /** The finished model of a finetune; a folder without one is an error naming it. */
    public static Path model(Path finetune) {
        if (!isFinished(finetune)) {
            throw new IllegalArgumentException(finetune + " has no finished finetune (no " + MODEL
                    + "/training.json); run `functions finetune --exp-path " + finetune.getParent() + "` first");
        }
        return finetune.resolve(MODEL);
    }

    /**
     * Finetunes one folder from {@code from}; started again on the same folder it resumes from its
     * checkpoint. Returns the report of the run.
     */
    public static Trainer.Report finetune(Path finetune, Path from, String fromLabel, int maxExamples, TrainerConfig cfg,
            int stopAt) throws IOException {
        Path train = finetune.resolve(ExperimentFolder.TRAIN);
        Path valid = finetune.resolve(ExperimentFolder.VALID);
        for (Path f : List.of(train, valid)) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(finetune + " has no " + f.getFileName() + "; write it with `functions prepare`");
            }
        }
        List<List<Segment>> trainChats = FunctionChats.trainingExamples(train);
        List<List<Segment>> validChats = FunctionChats.trainingExamples(valid);
        Path out = finetune.resolve(MODEL);
        Trainer.Report r = TrainingRecipe.finetune(from, fromLabel, trainChats, validChats, maxExamples, cfg, out, stopAt,
                train.toString(), valid.toString());
        if (isFinished(finetune)) {
            ChatTemplateFile.install(out, ChatSerialization.JINJA_TEMPLATE, ChatSerialization.END_OF_TURN);
        }
        return r;
    }
}
