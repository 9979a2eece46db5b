package io.github.promptscope.experiments;

import io.github.promptscope.util.JsonFiles;
import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.DescriptionGap;
import io.github.promptscope.metrics.HeldOutAccuracy;
import io.github.promptscope.metrics.HeldOutAccuracy.Placement;
import io.github.promptscope.results.Json;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunOutput;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.ScoredPrompt;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.results.SweepRunner;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The paper's generalization experiment (iPrompt spec section 5, "Generalization accuracy"): for each
 * task of a recovery sweep, the accuracy on the task's held-out examples of the model prompted with
 * the ground-truth description ({@code human}), with each searched method's top prompt (one per
 * seed, read from the sweep's records), and with no prompt ({@code none}); containment and
 * single-token masked scoring ({@link HeldOutAccuracy}). One record per (sweep, task, method, seed),
 * written through {@link SweepRunner}: atomic, and an existing completed record is skipped, so a run
 * resumes; a prompt that changed (the sweep rerun) changes the id and is evaluated again.
 *
 * <pre>{@code
 * SweepReport r = GeneralizationSweep.of(lm, Path.of("results/math_recovery")).maxTest(25)
 *         .run(RecordStore.of("math_generalization"));
 * Table t = GeneralizationTables.byCollection(Results.load(store.dir()), GeneralizationSweep.CONTAINMENT);
 * }</pre>
 *
 * The held-out rows are the test split of the very dataset the search ran on (same task, seed and
 * example count, from the record's config), so no prompt is scored on rows its search saw.
 */
public final class GeneralizationSweep {

    /** The two prompt baselines evaluated beside the searched methods. */
    public static final String HUMAN = "human";
    public static final String NONE = "none";
    /** Metric names in the records. */
    public static final String CONTAINMENT = "containment_accuracy";
    public static final String MASKED = "masked_accuracy";
    public static final String MASKED_CHOICES = "masked_choices";
    /** The original's multi-token mode generates 7 new tokens. */
    public static final int PAPER_NEW_TOKENS = 7;

    /** A searched prompt to evaluate: a done record's top prompt and what the search ran on. */
    record Source(String recordId, String task, String method, long seed, int n, boolean beforeInput, String prompt,
            String searchModelSha256) {}

    private final LanguageModel model;
    private final Path records;
    private int maxTest;
    private int maxNewTokens = PAPER_NEW_TOKENS;
    private int beams = 1;

    private GeneralizationSweep(LanguageModel model, Path records) {
        this.model = model;
        this.records = records;
    }

    /** Evaluates the top prompts of the recovery records in folder {@code records} on {@code model}. */
    public static GeneralizationSweep of(LanguageModel model, Path records) {
        return new GeneralizationSweep(model, records);
    }

    /** At most this many held-out rows per task and seed (0, the default: all of them). */
    public GeneralizationSweep maxTest(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("--max-test must be >= 0 (0: every held-out row), got " + n);
        }
        this.maxTest = n;
        return this;
    }

    /** Tokens generated for containment scoring (the original's 7 by default). */
    public GeneralizationSweep maxNewTokens(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--new-tokens must be >= 1, got " + n);
        }
        this.maxNewTokens = n;
        return this;
    }

    /** Beams of the containment decoding: 1 (the default) is greedy; the original used 4. */
    public GeneralizationSweep beams(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--beams must be >= 1, got " + n);
        }
        this.beams = n;
        return this;
    }

    /** The done records' top prompts, in file order; failed records and records without prompts are passed over. */
    List<Source> sources() {
        if (!Files.isDirectory(records)) {
            throw new IllegalArgumentException("--records " + records + ": no such folder (give a sweep's records, "
                    + "e.g. results/math_recovery)");
        }
        List<Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                RunRecord r = read(f);
                if (r.isDone() && !r.prompts().isEmpty()) {
                    JsonNode p = r.config().params();
                    out.add(new Source(r.id(), r.config().dataset(), r.config().method(), r.config().seed(),
                            p.path("n").asInt(100), p.path("search").path("prefixBeforeInput").asBoolean(true),
                            r.prompts().get(0).prompt(), r.config().weightsSha256()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(records + ": cannot list: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--records " + records + ": no completed run record with a prompt");
        }
        return out;
    }

    private static RunRecord read(Path f) {
        try {
            return JsonFiles.read(Json.MAPPER, f, RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": not a run record: " + e.getMessage(), e);
        }
    }

    /** Per task and seed: the human and no-prompt baselines, then every searched method's top prompt. */
    public List<RunConfig> configs() {
        Map<String, RunConfig> out = new LinkedHashMap<>();
        for (Source s : sources()) {
            String description = Datasets.task(s.task()).info().description();
            for (Source b : List.of(baseline(s, HUMAN, DescriptionGap.asPrompt(description)), baseline(s, NONE, ""))) {
                RunConfig c = config(b);
                out.putIfAbsent(c.id(), c);
            }
            RunConfig c = config(s);
            out.putIfAbsent(c.id(), c);
        }
        return List.copyOf(out.values());
    }

    private static Source baseline(Source s, String method, String prompt) {
        return new Source(null, s.task(), method, s.seed(), s.n(), s.beforeInput(), prompt, s.searchModelSha256());
    }

    private RunConfig config(Source s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("records", records.toAbsolutePath().normalize().getFileName().toString());
        if (s.recordId() != null) {
            p.put("source_record", s.recordId());
        }
        p.put("prompt", s.prompt());
        p.put("placement", s.beforeInput() ? "before_input" : "after_input");
        p.put("n", s.n());
        p.put("max_test", maxTest);
        p.put("max_new_tokens", maxNewTokens);
        p.put("decoding", beams == 1 ? "greedy" : "beam");
        if (beams > 1) {
            p.put("beams", beams); // only when not greedy, so greedy records keep their ids
        }
        p.put("search_model_sha256", s.searchModelSha256());
        return RunConfig.of("iprompt-generalization", s.method(), s.task(), s.seed(),
                model.dir().toAbsolutePath().normalize().getFileName().toString(), model.weightsSha256(), p);
    }

    /** Evaluates every configuration that has no completed record in {@code store}. */
    public SweepReport run(RecordStore store) {
        return run(store, true);
    }

    public SweepReport run(RecordStore store, boolean progressBar) {
        return SweepRunner.into(store).progressBar(progressBar).run(configs(), this::evaluate);
    }

    /** One configuration: its prompt on its task's held-out rows, both scorings. */
    RunOutput evaluate(RunConfig c) {
        JsonNode p = c.params();
        Dataset d = Datasets.get(c.dataset(), c.seed(), p.path("n").asInt());
        List<Example> test = d.test();
        if (maxTest > 0 && test.size() > maxTest) {
            test = test.subList(0, maxTest);
        }
        String prompt = p.path("prompt").asText();
        Placement placement = p.path("placement").asText().equals("after_input") ? Placement.AFTER_INPUT
                : Placement.BEFORE_INPUT;
        HeldOutAccuracy.Result contained = HeldOutAccuracy.containment(model, prompt, test, placement, maxNewTokens,
                beams);
        HeldOutAccuracy.Result masked = HeldOutAccuracy.masked(model, prompt, test, placement);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(CONTAINMENT, contained.accuracy());
        metrics.put(MASKED, masked.accuracy());
        metrics.put(MASKED_CHOICES, (double) masked.choices());
        metrics.put("test_rows", (double) test.size());
        return new RunOutput(List.of(new ScoredPrompt(prompt, contained.accuracy(), Double.NaN)), metrics, 0);
    }
}
