package io.github.promptscope.lm.train;

import io.github.promptscope.lm.TrainableWeights;
import io.github.promptscope.lm.Engines;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.CheckpointSaver;
import io.github.promptscope.lm.checkpoint.CheckpointWeights;
import io.github.promptscope.lm.checkpoint.SafetensorsFile;
import io.github.promptscope.lm.checkpoint.SafetensorsWriter;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.util.Hashes;
import io.github.promptscope.util.Interrupts;
import io.github.promptscope.util.Progress;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains every weight of a {@link LanguageModel} on a text corpus with next-token cross-entropy:
 * AdamW, warmup then cosine decay, global-norm clipping, packed sequences.
 *
 * <p>Every {@code checkpointEvery} steps it writes {@code out/checkpoint/} (weights, optimizer
 * moments, step, log); started again on the same corpus and config, it resumes from there and
 * visits the same batches it would have. The finished model is saved to {@code out/} in Hugging
 * Face layout, with {@code training_log.jsonl} and {@code training.json} beside it.
 */
public final class Trainer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LanguageModel model;
    private final TrainerConfig cfg;
    private final Path out;

    public Trainer(LanguageModel model, TrainerConfig cfg, Path out) {
        this.model = model;
        this.cfg = cfg;
        this.out = out;
    }

    /** What a finished run reports. */
    public record Report(int steps, double finalTrainLoss, double validationLoss, double wallSeconds,
            double tokensPerSecond, long trainTokens, boolean resumed) {}

    public Report train(List<String> trainDocs, List<String> validationDocs) throws IOException {
        return trainUntil(trainDocs, validationDocs, cfg.steps());
    }

    /**
     * Trains up to step {@code stopAt} of the configured schedule. Stopping early leaves a
     * checkpoint, so a later {@link #train} carries on where this left off (a step budget).
     */
    public Report trainUntil(List<String> trainDocs, List<String> validationDocs, int stopAt) throws IOException {
        Integer eos = model.config().eosTokenId();
        if (eos == null) {
            throw new IllegalArgumentException("the model's config.json has no eos_token_id to separate documents");
        }
        long[] trainStream = PackedSequences.tokenize(model.tokenizer(), trainDocs, eos);
        long[] valStream = PackedSequences.tokenize(model.tokenizer(), validationDocs, eos);
        PackedSequences train = new PackedSequences(trainStream, cfg.seqLen(), cfg.seed());
        PackedSequences validation = new PackedSequences(valStream, cfg.seqLen(), cfg.seed());
        List<long[]> valSequences = validation.all().subList(0, Math.min(cfg.evalSequences(), validation.size()));
        return loop(step -> Batch.packed(train.batch(step, cfg.batchSize())), () -> evaluate(valSequences),
                hash(trainStream, valStream), trainStream.length, stopAt);
    }

    /**
     * Loss-masked training (finetuning on chats): one sequence per example, the loss on its trained
     * tokens only (on the example's targets where {@link MaskedSequences} has them apart from its
     * inputs), one epoch in the seeded order of {@link MaskedSequences}; {@code cfg.steps()} must be
     * {@link MaskedSequences#steps(int)}. Checkpoints, resuming, the log and the saved folder are those
     * of {@link #trainUntil}.
     */
    public Report trainMasked(MaskedSequences train, MaskedSequences validation, int stopAt) throws IOException {
        if (cfg.steps() != train.steps(cfg.batchSize())) {
            throw new IllegalArgumentException("one epoch of " + train.size() + " examples in batches of "
                    + cfg.batchSize() + " is " + train.steps(cfg.batchSize()) + " steps, but the config says " + cfg.steps());
        }
        List<Integer> valRows = java.util.stream.IntStream.range(0, Math.min(cfg.evalSequences(), validation.size()))
                .boxed().toList();
        return loop(step -> train.batch(step, cfg.batchSize()), () -> evaluate(validation, valRows, cfg.batchSize()),
                Hashes.sha256OfLongs(train.fingerprint(), validation.fingerprint()), train.tokenCount(), stopAt);
    }

    /** What one run needs besides the config: each step's batch and a validation loss. */
    @FunctionalInterface
    private interface BatchSource {
        Batch batch(int step);
    }

    private Report loop(BatchSource batches, java.util.function.DoubleSupplier validationLoss, String corpusHash,
            long trainTokens, int stopAt) throws IOException {
        TrainableWeights weights = model.trainableWeights();
        Map<String, NDArray> params = weights.parameters();
        Engine engine = Engines.pytorch();
        params.values().forEach(p -> p.setRequiresGradient(true));

        Path ckpt = out.resolve("checkpoint");
        ArrayNode log = JSON.createArrayNode();
        long started = System.nanoTime();
        double priorSeconds = 0;
        int start = 0;
        boolean resumed = false;
        try (AdamW opt = new AdamW(cfg, model.trainableWeights().manager())) {
            if (Files.isRegularFile(ckpt.resolve("trainer_state.json"))) {
                JsonNode state = JSON.readTree(ckpt.resolve("trainer_state.json").toFile());
                checkResumable(state, corpusHash);
                start = state.path("step").asInt();
                priorSeconds = state.path("wall_seconds").asDouble();
                state.path("log").forEach(log::add);
                restore(ckpt, params, opt);
                resumed = true;
            }
            double lastLoss = Double.NaN;
            double valLoss = Double.NaN;
            long totalTokens = 0;
            try (Progress bar = Progress.start("train", cfg.steps(), start)) {
                long windowStart = System.nanoTime();
                long windowTokens = 0;
                int skipped = 0;
                int end = Math.min(stopAt, cfg.steps());
                for (int step = start; step < end; step++) {
                    Interrupts.check();
                    double lr = cfg.learningRateAt(step);
                    Batch batch = batches.batch(step);
                    double[] lossAndNorm = step(engine, params, opt, batch, lr, step + 1);
                    lastLoss = lossAndNorm[0];
                    skipped = Double.isFinite(lastLoss) && Double.isFinite(lossAndNorm[1]) ? 0 : skipped + 1;
                    if (skipped >= 10) {
                        throw new IllegalStateException("training diverged: 10 steps in a row had a non-finite loss "
                                + "or gradient (step " + (step + 1) + "); lower the learning rate");
                    }
                    windowTokens += batch.tokens();
                    totalTokens += batch.tokens();
                    double tokPerSec = windowTokens / ((System.nanoTime() - windowStart) / 1e9);
                    bar.update(step + 1, String.format("loss %.3f lr %.1e %.0f tok/s", lastLoss, lr, tokPerSec));
                    boolean last = step + 1 == cfg.steps();
                    boolean eval = last || (cfg.evalEvery() > 0 && (step + 1) % cfg.evalEvery() == 0);
                    if (eval || (step + 1) % 10 == 0) {
                        ObjectNode entry = log.addObject();
                        entry.put("step", step + 1);
                        entry.put("loss", lastLoss);
                        entry.put("lr", lr);
                        entry.put("grad_norm", lossAndNorm[1]);
                        entry.put("tokens_per_second", tokPerSec);
                        if (eval) {
                            valLoss = validationLoss.getAsDouble();
                            entry.put("validation_loss", valLoss);
                        }
                        windowStart = System.nanoTime();
                        windowTokens = 0;
                    }
                    double seconds = priorSeconds + (System.nanoTime() - started) / 1e9;
                    boolean stopping = step + 1 == end && !last;
                    if (stopping || (!last && cfg.checkpointEvery() > 0 && (step + 1) % cfg.checkpointEvery() == 0)) {
                        checkpoint(ckpt, params, opt, step + 1, seconds, log, corpusHash);
                    }
                }
            }
            double wall = priorSeconds + (System.nanoTime() - started) / 1e9;
            if (stopAt < cfg.steps()) {
                return new Report(Math.max(start, stopAt), lastLoss, valLoss, wall, Double.NaN, trainTokens, resumed);
            }
            if (Double.isNaN(valLoss)) {
                valLoss = validationLoss.getAsDouble();
            }
            params.values().forEach(p -> p.setRequiresGradient(false));
            CheckpointSaver.save(model.dir(), model.config(), params, out);
            Report report = new Report(cfg.steps(), lastLoss, valLoss, wall,
                    totalTokens / Math.max(1e-9, wall - priorSeconds), trainTokens, resumed);
            writeLog(out, log);
            ObjectNode summary = JSON.createObjectNode();
            summary.set("report", JSON.valueToTree(report));
            summary.set("config", JSON.valueToTree(cfg));
            summary.put("corpus_sha256", corpusHash);
            summary.put("engine", Engines.describe());
            summary.put("pytorch_threads", Engines.threads());
            AtomicFiles.writeString(out.resolve("training.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
            return report;
        }
    }

    /** One optimizer step; returns {loss, gradient norm before clipping}. Kept in one method: grad mode is per thread. */
    private double[] step(Engine engine, Map<String, NDArray> params, AdamW opt, Batch batch, double lr, int t) {
        try (NDScope ignored = new NDScope(); NDManager m = model.trainableWeights().manager().newSubManager()) {
            float loss;
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray lossArray = crossEntropy(m, batch);
                gc.backward(lossArray);
                loss = lossArray.getFloat();
            }
            Map<String, NDArray> grads = new LinkedHashMap<>();
            double sq = 0;
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray g = e.getValue().getGradient();
                grads.put(e.getKey(), g);
                sq += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sq);
            if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                // an overflow in one batch must not poison the weights: skip the update, keep the moments
                zeroGradients(params);
                return new double[] {loss, norm};
            }
            double scale = cfg.gradClip() > 0 && norm > cfg.gradClip() ? cfg.gradClip() / norm : 1.0;
            opt.update(params, grads, lr, scale, t);
            zeroGradients(params); // PyTorch accumulates gradients; clear them for the next step
            return new double[] {loss, norm};
        }
    }

    /** Sets every gradient to zero in place; a subtraction would keep a NaN or infinity. */
    private static void zeroGradients(Map<String, NDArray> params) {
        params.values().forEach(TrainableWeights::zeroGradient);
    }

    /** Mean next-token loss of a batch: over every position, or over the weighted ones of a masked batch. */
    private NDArray crossEntropy(NDManager m, Batch batch) {
        long[] targets = batch.targets();
        NDArray logProbs = model.trainableWeights().nextTokenLogProbs(m, batch.inputs());
        NDArray picked = logProbs.gather(m.create(targets, new Shape(targets.length, 1)), 1);
        if (batch.weights() == null) {
            return picked.mean().neg();
        }
        NDArray w = m.create(batch.weights(), new Shape(targets.length, 1));
        return picked.mul(w).sum().div(w.sum()).neg();
    }

    /** Mean next-token loss over the given packed sequences (nats per token). */
    public double evaluate(List<long[]> sequences) {
        double total = 0;
        int batches = 0;
        for (int from = 0; from < sequences.size(); from += cfg.batchSize()) {
            List<long[]> chunk = sequences.subList(from, Math.min(sequences.size(), from + cfg.batchSize()));
            total += loss(Batch.packed(chunk.toArray(long[][]::new))) * chunk.size();
            batches += chunk.size();
        }
        return total / batches;
    }

    /** Mean loss per trained token over some rows of a masked set. */
    private double evaluate(MaskedSequences set, List<Integer> rows, int batchSize) {
        double total = 0;
        double tokens = 0;
        for (int from = 0; from < rows.size(); from += batchSize) {
            Batch b = set.rows(rows.subList(from, Math.min(rows.size(), from + batchSize)));
            double trained = b.trainedTokens();
            total += loss(b) * trained;
            tokens += trained;
        }
        return total / tokens;
    }

    private double loss(Batch batch) {
        try (NDScope ignored = new NDScope(); NDManager m = model.trainableWeights().manager().newSubManager()) {
            return crossEntropy(m, batch).stopGradient().getFloat();
        }
    }

    private void checkpoint(Path ckpt, Map<String, NDArray> params, AdamW opt, int step, double seconds,
            ArrayNode log, String corpusHash) throws IOException {
        CheckpointSaver.save(model.dir(), model.config(), params, ckpt);
        Map<String, SafetensorsWriter.Tensor> moments = SafetensorsWriter.ordered();
        opt.firstMoment.forEach((k, v) -> moments.put("m." + k, new SafetensorsWriter.Tensor(v.toFloatArray(), v.getShape().getShape())));
        opt.secondMoment.forEach((k, v) -> moments.put("v." + k, new SafetensorsWriter.Tensor(v.toFloatArray(), v.getShape().getShape())));
        SafetensorsWriter.write(ckpt.resolve("optimizer.safetensors"), moments, Map.of("step", String.valueOf(step)));
        ObjectNode state = JSON.createObjectNode();
        state.put("step", step);
        state.put("wall_seconds", seconds);
        state.put("corpus_sha256", corpusHash);
        state.put("pytorch_threads", Engines.threads());
        state.set("config", JSON.valueToTree(cfg));
        state.set("log", log);
        // written last: a checkpoint without it is incomplete and is never resumed from
        AtomicFiles.writeString(ckpt.resolve("trainer_state.json"), JSON.writeValueAsString(state));
        writeLog(out, log);
    }

    private void checkResumable(JsonNode state, String corpusHash) throws IOException {
        int threads = Engines.threads();
        if (state.has("pytorch_threads") && state.path("pytorch_threads").asInt() != threads) {
            // allowed, but the result will not be bit-identical to an uninterrupted run at either count
            System.err.printf("%s was written with %d PyTorch threads, this run has %d: the weights will differ "
                    + "from an uninterrupted run in the last digits%n", out.resolve("checkpoint"),
                    state.path("pytorch_threads").asInt(), threads);
        }
        if (!state.path("corpus_sha256").asText().equals(corpusHash)) {
            throw new IllegalStateException(out.resolve("checkpoint") + " was made from a different corpus; "
                    + "delete it or choose another --out");
        }
        if (!JSON.treeToValue(state.path("config"), TrainerConfig.class).equals(cfg)) {
            throw new IllegalStateException(out.resolve("checkpoint") + " was made with other settings "
                    + state.path("config") + "; delete it or choose another --out");
        }
    }

    private void restore(Path ckpt, Map<String, NDArray> params, AdamW opt) {
        CheckpointWeights saved = new CheckpointWeights(ckpt);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            e.getValue().set(saved.floats(e.getKey(), e.getValue().getShape().getShape()));
        }
        SafetensorsFile moments = new SafetensorsFile(ckpt.resolve("optimizer.safetensors"));
        moments.entries().forEach((name, entry) -> {
            float[] values = moments.readFloats(entry);
            Shape shape = new Shape(entry.shape());
            String param = name.substring(2);
            opt.restore(name.startsWith("m.") ? opt.firstMoment : opt.secondMoment, param, values, shape);
        });
    }

    private static void writeLog(Path out, ArrayNode log) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : log) {
            sb.append(JSON.writeValueAsString(e)).append('\n');
        }
        AtomicFiles.writeString(out.resolve("training_log.jsonl"), sb.toString());
    }

    private static String hash(long[]... streams) {
        return Hashes.sha256OfLongs(streams);
    }
}
