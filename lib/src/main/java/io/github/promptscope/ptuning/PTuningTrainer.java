package io.github.promptscope.ptuning;

import io.github.promptscope.data.tuning.TuningExample;
import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.lm.SoftPromptLoss;
import io.github.promptscope.lm.SoftPrompts;
import io.github.promptscope.lm.SoftSequence;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.util.Interrupts;
import io.github.promptscope.util.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The reference's training loop (tuning.py, spec B2) over a frozen LM: every epoch starts with a dev
 * evaluation (epoch 0 before any training); a dev token accuracy >= the best so far evaluates test and
 * keeps that checkpoint, anything else counts a miss, and {@code earlyStop} misses end the run. Then one
 * pass over the shuffled training set in batches (the last partial batch dropped), Adam with weight
 * decay, and the learning rate times {@code decayRate} for the next epoch.
 *
 * <p>Resumable: after every epoch the weights, Adam's moments and step, the kept checkpoint and the
 * {@link TrainingProgress} go atomically into {@code state.bin}; the shuffle of epoch e is seeded by
 * (seed, e), so a restart from that file computes what the uninterrupted run would have.
 */
public final class PTuningTrainer {

    static final String STATE = "state.bin";
    static final String BEST = "encoder.bin";
    static final String PROGRESS = "training.json";

    private final PromptEncoder encoder;
    private final PTuningConfig cfg;
    private final TuningTask task;
    private final RunScorer scorer;
    private final Path dir;
    private final SoftPrompts soft;
    private final TemplateLayout layout;
    private final Evaluator evaluator;
    private final Adam adam;
    private final double[][] best;

    public PTuningTrainer(SoftPrompts soft, TemplateLayout layout, PromptEncoder encoder, PTuningConfig cfg,
            TuningTask task, RunScorer scorer, Path runDir) {
        this.soft = soft;
        this.layout = layout;
        this.encoder = encoder;
        this.cfg = cfg;
        this.task = task;
        this.scorer = scorer;
        this.dir = runDir;
        this.evaluator = new Evaluator(soft, layout, cfg.evalBatch());
        this.adam = new Adam(encoder.parameters(), cfg.weightDecay());
        this.best = new double[encoder.parameters().size()][];
        if (task.train().size() < cfg.batch() && !encoder.parameters().isEmpty()) {
            throw new IllegalArgumentException("task " + task.name() + " has " + task.train().size()
                    + " training examples, fewer than one batch (--batch " + cfg.batch() + ")");
        }
    }

    /** Trains until epoch {@code untilEpoch} (at most the config's epochs) or early stopping, resuming from the run folder. */
    public TrainingProgress run(int untilEpoch) throws IOException {
        TrainingProgress p = Files.exists(dir.resolve(STATE)) ? TrainingState.load(dir.resolve(STATE), encoder, adam, best)
                : TrainingProgress.start();
        int last = Math.min(untilEpoch, encoder.parameters().isEmpty() ? 1 : cfg.epochs());
        int perEpoch = task.train().size() / cfg.batch();
        try (Progress bar = Progress.start("p-tuning " + task.name(), (long) last * perEpoch, (long) p.nextEpoch() * perEpoch)) {
            while (!p.finished() && p.nextEpoch() < last) {
                p = epoch(p, bar, perEpoch);
                if (p.nextEpoch() >= cfg.epochs() || encoder.parameters().isEmpty()) {
                    p = new TrainingProgress(p.nextEpoch(), p.bestDev(), p.misses(), p.bestEpoch(), p.bestTest(), p.log(), true);
                }
                save(p);
            }
        }
        return p;
    }

    /** The kept checkpoint's prompt vectors (the best dev epoch's), [p + q][width]; the current ones before any. */
    public float[][] bestPrompt() {
        double[][] now = new double[best.length][];
        List<Param> params = encoder.parameters();
        for (int i = 0; i < best.length; i++) {
            now[i] = params.get(i).value.clone();
            if (best[i] != null) {
                System.arraycopy(best[i], 0, params.get(i).value, 0, best[i].length);
            }
        }
        float[][] rows = toFloat(encoder.forward());
        for (int i = 0; i < best.length; i++) {
            System.arraycopy(now[i], 0, params.get(i).value, 0, now[i].length);
        }
        return rows;
    }

    private TrainingProgress epoch(TrainingProgress p, Progress bar, int perEpoch) {
        int e = p.nextEpoch();
        float[][] rows = toFloat(encoder.forward());
        TeacherForced dev = evaluator.teacherForced(rows, task.dev());
        double devAcc = accuracy(scorer.score(dev));
        boolean improved = devAcc >= p.bestDev();
        double bestDev = p.bestDev();
        int misses = p.misses();
        int bestEpoch = p.bestEpoch();
        Map<String, Double> bestTest = p.bestTest();
        if (improved) {
            bestTest = scorer.score(evaluator.teacherForced(rows, task.test()));
            bestDev = devAcc;
            misses = 0;
            bestEpoch = e;
            keepBest();
        } else {
            misses++;
        }
        double lr = cfg.lr() * Math.pow(cfg.decayRate(), e);
        if (misses >= cfg.earlyStop() || encoder.parameters().isEmpty()) {
            return new TrainingProgress(e + 1, bestDev, misses, bestEpoch, bestTest, p.log(), true)
                    .logged(new EpochLog(e, dev.loss(), devAcc, improved, Double.NaN, lr));
        }
        double trainLoss = trainOneEpoch(e, lr, bar, perEpoch);
        return new TrainingProgress(e + 1, bestDev, misses, bestEpoch, bestTest, p.log(), false)
                .logged(new EpochLog(e, dev.loss(), devAcc, improved, trainLoss, lr));
    }

    private double trainOneEpoch(int e, double lr, Progress bar, int perEpoch) {
        List<TuningExample> order = new ArrayList<>(task.train());
        Collections.shuffle(order, new Random(cfg.seed() * 1_000_003L + e));
        double sum = 0;
        for (int b = 0; b < perEpoch; b++) {
            Interrupts.check();
            List<SoftSequence> batch = order.subList(b * cfg.batch(), (b + 1) * cfg.batch()).stream()
                    .map(layout::scored).toList();
            SoftPromptLoss l = soft.lossAndGradient(toFloat(encoder.forward()), batch);
            encoder.zeroGrad();
            encoder.backward(toDouble(l.gradient()));
            adam.step(lr);
            sum += l.loss();
            bar.update((long) e * perEpoch + b + 1, String.format("epoch %d loss %.4f", e, l.loss()));
        }
        return sum / perEpoch;
    }

    private void keepBest() {
        List<Param> params = encoder.parameters();
        for (int i = 0; i < params.size(); i++) {
            best[i] = params.get(i).value.clone();
        }
    }

    private void save(TrainingProgress p) throws IOException {
        List<Param> params = encoder.parameters();
        if (!params.isEmpty() && best[0] != null) {
            List<Param> kept = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                Param copy = new Param(params.get(i).name(), params.get(i).rows(), params.get(i).cols());
                System.arraycopy(best[i], 0, copy.value, 0, best[i].length);
                kept.add(copy);
            }
            AtomicFiles.writeBytes(dir.resolve(BEST), EncoderFiles.toBytes(kept));
        }
        AtomicFiles.writeBytes(dir.resolve(STATE), TrainingState.toBytes(p, encoder, adam, best));
        AtomicFiles.writeString(dir.resolve(PROGRESS), TrainingProgress.JSON.writeValueAsString(p));
    }

    private static double accuracy(Map<String, Double> metrics) {
        Double acc = metrics.get(RunScorer.TOKEN_ACCURACY);
        if (acc == null) {
            throw new IllegalStateException("the run scorer reported no " + RunScorer.TOKEN_ACCURACY + ": " + metrics.keySet());
        }
        return acc;
    }

    static float[][] toFloat(double[][] rows) {
        float[][] out = new float[rows.length][];
        for (int s = 0; s < rows.length; s++) {
            out[s] = new float[rows[s].length];
            for (int j = 0; j < rows[s].length; j++) {
                out[s][j] = (float) rows[s][j];
            }
        }
        return out;
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int s = 0; s < rows.length; s++) {
            out[s] = new double[rows[s].length];
            for (int j = 0; j < rows[s].length; j++) {
                out[s][j] = rows[s][j];
            }
        }
        return out;
    }
}
