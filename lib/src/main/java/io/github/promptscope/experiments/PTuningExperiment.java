package io.github.promptscope.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.data.tuning.TuningTasks;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.BootstrapResult;
import io.github.promptscope.metrics.PairedBootstrap;
import io.github.promptscope.ptuning.EpochLog;
import io.github.promptscope.ptuning.PTuningConfig;
import io.github.promptscope.ptuning.PromptReadout;
import io.github.promptscope.ptuning.SlotReadout;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunOutput;
import io.github.promptscope.results.ScoredPrompt;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.results.SweepRunner;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.util.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The study's experiment on the stand-ins (spec B6): per task and seed, four arms (the original
 * encoder, the new design from the human prompt's tokens, the new design from random tokens, the
 * human prompt untuned), then a paired bootstrap of new (template) against original on the
 * per-example test scores (exact match, or ROUGE-L for a summary task; 1000 samples, ratio 0.3).
 *
 * <p>One record per (task, arm, seed) and per (task, seed) bootstrap in the store, skipped when done.
 * Beside the records: {@code scores/<task>-<arm>-s<seed>.txt} (the per-example lines of
 * {@code ptuning eval --metrics-to-file}) and {@code readouts/<task>-<arm>-s<seed>.json} (each slot's
 * nearest tokens before and after tuning); the run folders (weights, optimizer state; resumable by
 * epoch) go to {@code workDir}, outside the records.
 */
public final class PTuningExperiment {

    public static final String SYSTEM = "ptuning";
    public static final String ORIGINAL = "original";
    public static final String NEW_TEMPLATE = "new-template";
    public static final String NEW_RANDOM = "new-random";
    public static final String HARD = "hard";
    public static final String BOOTSTRAP = "bootstrap-new-template-vs-original";
    public static final List<String> ARMS = List.of(ORIGINAL, NEW_TEMPLATE, NEW_RANDOM, HARD);
    /** Nearest tokens kept per slot (spec B3: top 3). */
    static final int TOP_K = 3;
    /** The splits are the same in every run (task seed 0, as {@code ptuning base-model}); the seed varies training. */
    static final long TASK_SEED = 0;

    private final LanguageModel model;
    private final List<String> tasks;
    private final List<Long> seeds;
    private final PTuningConfig base;
    private final Path workDir;

    /**
     * @param base the training settings every tuned arm shares (learning rate, epochs, batch, template);
     *     design, init and seed are set per run
     */
    public PTuningExperiment(LanguageModel model, List<String> tasks, List<Long> seeds, PTuningConfig base, Path workDir) {
        if (tasks.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("--tasks and --seeds need at least one value each");
        }
        tasks.forEach(t -> TuningTasks.named(t, TASK_SEED));   // an unknown name fails now, listing the known ones
        this.model = model;
        this.tasks = List.copyOf(tasks);
        this.seeds = List.copyOf(seeds);
        this.base = base;
        this.workDir = workDir;
    }

    /** Per task and seed: the four arms, then their bootstrap (which reads the arms' score files). */
    public List<RunConfig> configs() {
        List<RunConfig> out = new ArrayList<>();
        for (String task : tasks) {
            for (long seed : seeds) {
                for (String arm : ARMS) {
                    out.add(config(task, arm, seed));
                }
                out.add(config(task, BOOTSTRAP, seed));
            }
        }
        return out;
    }

    public SweepReport run(RecordStore store, boolean progressBar) {
        return SweepRunner.into(store).progressBar(progressBar).run(configs(), c -> evaluate(c, store.dir()));
    }

    private RunConfig config(String task, String method, long seed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("task_seed", TASK_SEED);
        p.put("template", base.prefix() + "," + base.infix());
        if (!method.equals(HARD)) {
            p.put("lr", base.lr());
            p.put("epochs", base.epochs());
            p.put("batch", base.batch());
            p.put("early_stop", base.earlyStop());
        }
        if (method.startsWith("new")) {
            p.put("residual", true);
            p.put("mlp", 1);
        }
        if (method.equals(BOOTSTRAP)) {
            p.put("samples", 1000);
            p.put("sample_ratio", 0.3);
        }
        return RunConfig.of(SYSTEM, method, task, seed, RepoPaths.label(model.dir()), model.weightsSha256(), p);
    }

    /** The run's training settings: the shared ones with this arm's design and this seed. */
    PTuningConfig armConfig(String arm, long seed) {
        PTuningConfig c = base.withTraining(base.lr(), base.batch(), base.epochs(), seed);
        return switch (arm) {
            case ORIGINAL -> c.withDesign(PTuningConfig.Design.ORIGINAL, PTuningConfig.Init.TEMPLATE, false, 1);
            case NEW_TEMPLATE -> c.withDesign(PTuningConfig.Design.NEW, PTuningConfig.Init.TEMPLATE, true, 1);
            case NEW_RANDOM -> c.withDesign(PTuningConfig.Design.NEW, PTuningConfig.Init.RANDOM, true, 1);
            case HARD -> c.withDesign(PTuningConfig.Design.HARD, PTuningConfig.Init.TEMPLATE, false, 1);
            default -> throw new IllegalArgumentException("unknown arm " + arm + " (known: " + ARMS + ")");
        };
    }

    /** File stem of a run's side files and folder. */
    public static String name(String task, String arm, long seed) {
        return task + "-" + arm + "-s" + seed;
    }

    RunOutput evaluate(RunConfig c, Path recordsDir) throws IOException {
        return c.method().equals(BOOTSTRAP) ? bootstrap(c, recordsDir) : arm(c, recordsDir);
    }

    private RunOutput arm(RunConfig c, Path recordsDir) throws IOException {
        TuningTask task = TuningTasks.named(c.dataset(), TASK_SEED);
        PTuningConfig cfg = armConfig(c.method(), c.seed());
        String name = name(c.dataset(), c.method(), c.seed());
        PTuningRuns.Trained run = PTuningRuns.train(model, task, c.dataset(), null, TASK_SEED, cfg, workDir.resolve(name));
        float[][] best = run.trainer().bestPrompt();
        long[] anchors = run.encoder().anchorIds();
        PTuningEvaluation test = PTuningEvaluation.run(model, task, cfg, best, anchors, task.test(), TOP_K);
        List<SlotReadout> before = new PromptReadout(model.softPrompts(), model.tokenizer()).read(run.untrained(), anchors, TOP_K);

        Files.createDirectories(recordsDir.resolve("scores"));
        Files.createDirectories(recordsDir.resolve("readouts"));
        AtomicFiles.writeString(recordsDir.resolve("scores").resolve(name + ".txt"), String.join("\n", test.perExample()) + "\n");
        ObjectNode readout = new ObjectMapper().createObjectNode();
        readout.put("task", c.dataset()).put("arm", c.method()).put("seed", c.seed()).put("prefix", cfg.prefix());
        readout.set("before", PTuningReadoutJson.slots(before));
        readout.set("after", PTuningReadoutJson.slots(test.slots()));
        AtomicFiles.writeString(recordsDir.resolve("readouts").resolve(name + ".json"),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(readout) + "\n");

        Map<String, Double> metrics = new LinkedHashMap<>(test.metrics());
        metrics.put("best_epoch", (double) run.progress().bestEpoch());
        metrics.put("best_dev_token_accuracy", run.progress().bestDev());
        metrics.put("epochs_logged", (double) run.progress().log().size());
        metrics.put("trainable", (double) run.encoder().size());
        metrics.put("test_rows", (double) task.test().size());
        if (anchors != null) {
            metrics.put("fraction_still_init", PromptReadout.fractionStillInit(test.slots()));
            metrics.put("mean_cosine_to_init", PromptReadout.meanCosineToInit(test.slots()));
        }
        return new RunOutput(prompts(test.slots()), metrics, 0, series(run.progress().log()));
    }

    /** Each tuned slot as one line: its 3 nearest tokens by L2 and by cosine, scored by its cosine to the initial token. */
    private static List<ScoredPrompt> prompts(List<SlotReadout> slots) {
        List<ScoredPrompt> out = new ArrayList<>();
        for (SlotReadout s : slots) {
            out.add(new ScoredPrompt("slot " + s.slot() + ": L2 " + words(s.l2()) + " / cosine " + words(s.cosine()),
                    Double.isNaN(s.cosineToInit()) ? 0 : s.cosineToInit(), Double.NaN));
        }
        return out;
    }

    private static String words(List<SlotReadout.Token> tokens) {
        return tokens.stream().map(t -> "\"" + t.decoded() + "\"").collect(Collectors.joining(" "));
    }

    /** The training curve: dev token accuracy and loss per epoch (epoch 0 before training), train loss per trained epoch. */
    private static Map<String, List<Double>> series(List<EpochLog> log) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        out.put("dev_token_accuracy", log.stream().map(EpochLog::devTokenAccuracy).toList());
        out.put("dev_loss", log.stream().map(EpochLog::devLoss).toList());
        out.put("train_loss", log.stream().map(EpochLog::trainLoss).filter(v -> !Double.isNaN(v)).toList());
        return out;
    }

    private RunOutput bootstrap(RunConfig c, Path recordsDir) throws IOException {
        TuningTask task = TuningTasks.named(c.dataset(), TASK_SEED);
        int column = task.scoredByRouge() ? 2 : 0;   // ROUGE-L of "r1\tr2\trL", else the 0/1 exact match
        double[] tuned = scores(recordsDir, name(c.dataset(), NEW_TEMPLATE, c.seed()), column);
        double[] original = scores(recordsDir, name(c.dataset(), ORIGINAL, c.seed()), column);
        BootstrapResult r = PairedBootstrap.defaults().seed(c.seed()).compare(tuned, original);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean_new_template", r.mean1());
        m.put("mean_original", r.mean2());
        m.put("wins_new_template", r.wins1());
        m.put("wins_original", r.wins2());
        m.put("ties", r.ties());
        m.put("winner", (double) r.winner());
        m.put("p_value", r.pValue());
        m.put("sample_size", (double) r.sampleSize());
        return new RunOutput(List.of(), m, 0);
    }

    private static double[] scores(Path recordsDir, String name, int column) throws IOException {
        Path file = recordsDir.resolve("scores").resolve(name + ".txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + ": no per-example scores (its arm has not finished)");
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                .mapToDouble(l -> Double.parseDouble(l.split("\t")[column])).toArray();
    }
}
