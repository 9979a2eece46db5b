package io.github.promptscope.cli;

import io.github.promptscope.data.ChatSerialization;
import io.github.promptscope.data.PythonChatCorpus;
import io.github.promptscope.lm.checkpoint.ChatTemplateFile;
import io.github.promptscope.data.TrainingCorpus;
import io.github.promptscope.data.tuning.TuningCorpus;
import io.github.promptscope.lm.train.Gpt2Init;
import io.github.promptscope.lm.train.Trainer;
import io.github.promptscope.lm.train.TrainerConfig;
import io.github.promptscope.lm.train.TrainingRecipe;
import io.github.promptscope.neurons.SimulationReveal;
import io.github.promptscope.util.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a small GPT-2 from scratch on a generated corpus: tokenizer, initial weights, training.",
                "The defaults reproduce the shipped default model. Run again with the same --out to resume."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--corpus", defaultValue = "default", description = "Corpus recipe: 'default' (the shipped model's tasks), 'extended' (plus the induction and ANLI tasks added later), 'voxels' (extended plus semantic-category word lists, for models/voxels), 'tuning' (the P-tuning stand-in tasks' text, models/tuning) 'python-chats' (Python-interpreter chats over functions defined in the prompt, for models/functions-base; needs --from) or 'neurons' (neuron simulation and explanation documents, for models/neurons; needs --from, --positions and --documents: the number of examples) or 'neurons-v2' (the same, with simulation documents that train the values where neurons fire and as many others) or 'neurons-copy' (a first curriculum stage: neurons that fire exactly on the tokens the explanation quotes) or 'neurons-unknown' (the neurons-copy documents as the simulator asks: every value 'unknown' in the input, the value trained where it stands) or 'neurons-listed' (neurons-unknown with members listed as the text spells them, 'animal names: fox, swan', not quoted) or 'neurons-words' (neurons-listed, half the documents listing any words of their text) or 'neurons-short' (a first stage for the lookup: 12-24 token excerpts, words of the text listed, every line trained, no system message; half of its explanation documents, when --neuron-mixture gives them a share, explain made-up neurons of vocabulary words) or 'neurons-concepts' (neurons-short, half the simulation documents firing on every member of the described concept, listed or not).")
    String corpus;

    @Option(names = "--out", required = true, description = "Output folder: the trained model in Hugging Face layout, logs, checkpoint.")
    Path out;

    @Option(names = "--steps", defaultValue = "4000", description = "Optimizer steps (default ${DEFAULT-VALUE}); the neurons "
            + "and python-chats recipes run one epoch of --documents instead (--stop-at stops earlier).")
    int steps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of corpus, initialisation and data order (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--documents", defaultValue = "200000", description = "Training documents (default ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--layers", defaultValue = "4") int layers;
    @Option(names = "--width", defaultValue = "192") int width;
    @Option(names = "--heads", defaultValue = "4") int heads;
    @Option(names = "--positions", defaultValue = "256") int positions;

    @Option(names = "--batch", defaultValue = "16", description = "Sequences per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seq-len", defaultValue = "128", description = "Tokens per packed sequence (default ${DEFAULT-VALUE}).")
    int seqLen;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--warmup", defaultValue = "200", description = "Warmup steps (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--from", description = "Continue training this model folder (its tokenizer and weights) instead of starting from scratch; the shape options are then ignored.")
    Path from;

    @Option(names = "--stop-at", description = "Stop after this step, leaving a checkpoint (a budget for one sitting).")
    Integer stopAt;

    @Option(names = "--neuron-mixture", split = ",", paramLabel = "SIM,EXPL", description = "Neurons corpora only: the "
            + "shares of simulation and explanation documents, the rest packs of the default corpus (default: the "
            + "recipe's, 0.8,0.15 for neurons-copy and later, 0.6,0.35 before). Every trained token weighs the same in "
            + "the loss, so a pack of 256 trained tokens outweighs ~25 simulation documents of ~10 trained values.")
    List<Double> neuronMixture;

    @Option(names = "--group-by-length", description = "Neurons corpora only: batches of examples of like length "
            + "(Hugging Face's group_by_length), so a corpus mixing ~150-token simulation and ~450-token explanation "
            + "documents pads each batch to its own length, not nearly every batch to the longest.")
    boolean groupByLength;

    @Override
    public Integer call() throws Exception {
        TrainerConfig cfg = TrainerConfig.defaults().withSteps(steps).withSeed(seed).withBatch(batch, seqLen)
                .withLearningRate(lr, lr / 10, warmup);
        Gpt2Init.Shape shape = new Gpt2Init.Shape(layers, width, heads, positions);
        int until = stopAt == null ? steps : stopAt;
        // the neurons and python-chats recipes run one epoch of their corpus, whatever --steps says
        int epochUntil = stopAt == null ? Integer.MAX_VALUE : stopAt;
        SimulationReveal neurons = NeuronsModelRecipe.reveal(corpus);
        if (neurons != null) {
            double[] mixture = null;
            if (neuronMixture != null) {
                if (neuronMixture.size() != 2) {
                    throw new IllegalArgumentException("--neuron-mixture: give two shares, SIM,EXPL (e.g. 0.95,0.05)");
                }
                mixture = new double[] {neuronMixture.get(0), neuronMixture.get(1)};
            }
            return report(NeuronsModelRecipe.train(from, neurons, mixture, groupByLength, positions, documents, seed, cfg,
                    out, epochUntil));
        }
        if (neuronMixture != null) {
            throw new IllegalArgumentException("--neuron-mixture: only the neurons corpora mix documents; --corpus is " + corpus);
        }
        if (groupByLength) {
            throw new IllegalArgumentException("--group-by-length: only the neurons corpora's examples vary in length; --corpus is " + corpus);
        }
        switch (corpus) {
            case "tuning" -> {
                if (from != null) {
                    throw new IllegalArgumentException("--from: the tuning corpus trains its own word-level tokenizer; "
                            + "it starts from scratch");
                }
                return report(TrainingRecipe.run(TuningCorpus.build(documents, seed), shape, cfg, out, until));
            }
            case "python-chats" -> {
                if (from == null) {
                    throw new IllegalArgumentException("--corpus python-chats continues a model: give --from (e.g. models/default)");
                }
                TrainingCorpus.Documents docs = new PythonChatCorpus(documents, seed).build();
                Trainer.Report r = TrainingRecipe.continueFrom(docs, from, RepoPaths.label(from), cfg, out, epochUntil);
                if (Files.isRegularFile(out.resolve("model.safetensors"))) { // the epoch is done (a stop leaves a checkpoint only)
                    // the model now reads chats in this serialization; every reader of the folder must render them so
                    ChatTemplateFile.install(out, ChatSerialization.JINJA_TEMPLATE, ChatSerialization.END_OF_TURN);
                }
                return report(r);
            }
            default -> { }
        }
        TrainingCorpus.Spec recipe = switch (corpus) {
            case "default" -> TrainingCorpus.Spec.defaults();
            case "extended" -> TrainingCorpus.Spec.extended();
            case "voxels" -> TrainingCorpus.Spec.voxels();
            default -> throw new IllegalArgumentException("--corpus: unknown recipe '" + corpus
                    + "'; known: default, extended, voxels, tuning, python-chats, neurons, neurons-v2, neurons-copy, neurons-unknown, neurons-listed, neurons-words, neurons-short, neurons-concepts");
        };
        TrainingCorpus.Spec spec = recipe.withDocuments(documents).withSeed(seed);
        return report(from == null
                ? TrainingRecipe.run(spec, shape, cfg, out, until)
                : TrainingRecipe.continueFrom(spec, from, RepoPaths.label(from), cfg, out, until));
    }

    private static int report(Trainer.Report r) {
        System.out.printf("steps %d  train loss %.4f  validation loss %.4f  %.0f s  %.0f tokens/s%n",
                r.steps(), r.finalTrainLoss(), r.validationLoss(), r.wallSeconds(), r.tokensPerSecond());
        return 0;
    }
}
