package io.github.promptscope.lm.train;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.LongerPositions;
import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.tokenizer.ByteLevelTokenizer;
import io.github.promptscope.lm.tokenizer.TokenizerBuilder;

import io.github.promptscope.data.ChatSerialization.Segment;
import io.github.promptscope.data.TrainingCorpus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.util.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From nothing to a trained model folder: corpus, tokenizer, initial weights, training. The same
 * seed gives the same corpus, tokenizer and initialisation, so a retrained default model matches the
 * shipped one. Running it again on the same {@code out} resumes an interrupted run.
 */
public final class TrainingRecipe {

    /** Words that occur at least this often in the corpus become whole tokens. */
    private static final int MIN_WORD_COUNT = 5;
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’-]\\p{L}+)*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingRecipe() {}

    public static Trainer.Report run(TrainingCorpus.Spec corpusSpec, Gpt2Init.Shape shape, TrainerConfig cfg, Path out,
            int stopAt) throws IOException {
        return run(new TrainingCorpus(corpusSpec).build(), shape, cfg, out, stopAt);
    }

    /** The same from documents built elsewhere (the P-tuning corpus, {@code data.tuning.TuningCorpus}). */
    public static Trainer.Report run(TrainingCorpus.Documents docs, Gpt2Init.Shape shape, TrainerConfig cfg, Path out,
            int stopAt) throws IOException {
        Path tokenizerDir = out.resolve("tokenizer");
        ByteLevelTokenizer tok = TokenizerBuilder.byteLevel()
                .words(frequentWords(docs.train()))
                .modelMaxLength(shape.positions())
                .build();
        tok.write(tokenizerDir);
        Path init = out.resolve("init");
        if (!Files.isRegularFile(init.resolve("model.safetensors"))) {
            Gpt2Init.create(init, shape, tokenizerDir, cfg.seed());
        }
        try (LanguageModel model = LanguageModel.load(init)) {
            return new Trainer(model, cfg, out).trainUntil(docs.train(), docs.validation(), stopAt);
        }
    }

    /**
     * Continued training: an existing model (its tokenizer and weights, e.g. {@code models/default})
     * trained further on a corpus, so it keeps what it knew and learns the corpus's new tasks without
     * the cost of a larger vocabulary (new words are read through the tokenizer's byte fallback).
     * Writes {@code continued_from.json} naming the starting model and the hash of its weights.
     */
    public static Trainer.Report continueFrom(TrainingCorpus.Spec corpusSpec, Path from, String fromLabel,
            TrainerConfig cfg, Path out, int stopAt) throws IOException {
        checkFrom(from);
        return continueFrom(new TrainingCorpus(corpusSpec).build(), from, fromLabel, cfg, out, stopAt);
    }

    /** {@link #continueFrom(TrainingCorpus.Spec, Path, String, TrainerConfig, Path, int)} on documents already built. */
    public static Trainer.Report continueFrom(TrainingCorpus.Documents docs, Path from, String fromLabel,
            TrainerConfig cfg, Path out, int stopAt) throws IOException {
        checkFrom(from);
        Files.createDirectories(out);
        ObjectNode provenance = JSON.createObjectNode()
                .put("from", fromLabel)
                .put("from_weights_sha256", Hashes.sha256OfFiles(List.of(from.resolve("model.safetensors"))));
        AtomicFiles.writeString(out.resolve("continued_from.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(provenance));
        try (LanguageModel model = LanguageModel.load(from)) {
            return new Trainer(model, cfg, out).trainUntil(docs.train(), docs.validation(), stopAt);
        }
    }

    /**
     * Loss-masked finetuning of a model on examples cut into segments (chats: the assistant turns
     * trained, the rest context): one epoch in batches of {@code cfg.batchSize()}, the step count set
     * from the data, resumable like every run. Writes {@code continued_from.json} as
     * {@link #continueFrom} does; the saved folder carries the starting model's tokenizer files.
     *
     * @param maxExamples use the first this many training examples (0: all)
     * @param validation examples for the validation loss; those longer than the model's positions are
     *     left out with a note (a training example that long is an error)
     * @param trainName the training examples' name in errors (their file)
     */
    public static Trainer.Report finetune(Path from, String fromLabel, List<List<Segment>> train,
            List<List<Segment>> validation, int maxExamples, TrainerConfig cfg, Path out, int stopAt, String trainName,
            String validationName)
            throws IOException {
        checkFrom(from);
        List<List<Segment>> used = maxExamples > 0 && maxExamples < train.size() ? train.subList(0, maxExamples) : train;
        Files.createDirectories(out);
        ObjectNode provenance = JSON.createObjectNode()
                .put("from", fromLabel)
                .put("from_weights_sha256", Hashes.sha256OfFiles(List.of(from.resolve("model.safetensors"))))
                .put("examples", used.size());
        AtomicFiles.writeString(out.resolve("continued_from.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(provenance));
        try (LanguageModel model = LanguageModel.load(from)) {
            int positions = model.config().maxPositions();
            MaskedSequences t = MaskedSequences.tokenize(model.tokenizer(), used, positions, cfg.seed(), trainName);
            List<List<Segment>> fitting = validation.stream().filter(e -> fits(model, e, positions)).toList();
            if (fitting.size() < validation.size()) {
                // validation only monitors; a question longer than the model is left out, not fatal
                System.err.printf("%s: %d of %d examples longer than the model's %d positions left out of the validation loss%n",
                        validationName, validation.size() - fitting.size(), validation.size(), positions);
            }
            MaskedSequences v = MaskedSequences.tokenize(model.tokenizer(), fitting, positions, cfg.seed(), validationName);
            TrainerConfig epoch = cfg.withSteps(t.steps(cfg.batchSize()));
            return new Trainer(model, epoch, out).trainMasked(t, v, stopAt);
        }
    }

    private static boolean fits(LanguageModel model, List<Segment> example, int positions) {
        StringBuilder text = new StringBuilder();
        example.forEach(seg -> text.append(seg.text()));
        return model.tokenizer().encode(text.toString()).length <= positions;
    }

    /**
     * Loss-masked continued training on examples already tokenized ({@link MaskedSequences#ofTokens}):
     * one epoch, resumable. With {@code positions} above the model's, training starts from a copy with
     * a longer position table ({@link LongerPositions}, written to {@code out/longer_positions}).
     * {@code continued_from.json} names the starting model, the hash of its weights and the positions.
     */
    public static Trainer.Report continueMasked(Path from, String fromLabel, int positions, MaskedSequences train,
            MaskedSequences validation, TrainerConfig cfg, Path out, int stopAt) throws IOException {
        checkFrom(from);
        Files.createDirectories(out);
        ObjectNode provenance = JSON.createObjectNode()
                .put("from", fromLabel)
                .put("from_weights_sha256", Hashes.sha256OfFiles(List.of(from.resolve("model.safetensors"))))
                .put("positions", positions)
                .put("examples", train.size());
        Path start = from;
        int had = ModelConfig.read(from).maxPositions();
        if (positions > had) {
            start = out.resolve("longer_positions");
            if (!Files.isRegularFile(start.resolve("model.safetensors"))) {
                LongerPositions.write(from, start, positions);
            }
            provenance.put("position_table", "rows " + had + ".." + (positions - 1) + " initialised as copies of rows 0.."
                    + (had - 1) + " (row p = row p mod " + had + ")");
        }
        AtomicFiles.writeString(out.resolve("continued_from.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(provenance));
        try (LanguageModel model = LanguageModel.load(start)) {
            TrainerConfig epoch = cfg.withSteps(train.steps(cfg.batchSize()));
            return new Trainer(model, epoch, out).trainMasked(train, validation, stopAt);
        }
    }

    private static void checkFrom(Path from) {
        if (!Files.isRegularFile(from.resolve("model.safetensors"))) {
            throw new IllegalArgumentException("--from: " + from + " has no model.safetensors");
        }
    }

    /** The task vocabulary: every word frequent enough in the corpus to deserve its own token. */
    static List<String> frequentWords(List<String> documents) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String d : documents) {
            Matcher m = WORD.matcher(d);
            while (m.find()) {
                counts.merge(m.group(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= MIN_WORD_COUNT).map(Map.Entry::getKey).toList();
    }
}
