package io.github.promptscope.cli;

import io.github.promptscope.lm.Dtype;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.experiments.SearchRecords;
import io.github.promptscope.search.Budget;
import io.github.promptscope.search.IPromptConfig;
import io.github.promptscope.search.Methods;
import io.github.promptscope.search.PromptLength;
import io.github.promptscope.search.RankedPrompt;
import io.github.promptscope.search.SearchResult;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Find the prompt that explains a dataset: prints the top prompts and writes a run record.",
                "Data from --task, --jsonl, or --inputs with --outputs; the default model unless --model."})
final class ExplainCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--task", description = "A generated task (see 'promptscope datasets').")
        String task;

        @Option(names = "--jsonl", description = "JSON lines with input, output and optional groundtruth; strings used as given.")
        Path jsonl;

        @Option(names = "--inputs", description = "One input per line (with --outputs); lines used as given.")
        Path inputs;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--outputs", description = "One output per line, matching --inputs.")
    Path outputs;

    @Mixin
    ModelOption model;

    @Mixin
    DtypeOption dtype;

    @Option(names = "--method", defaultValue = "iprompt", description = "iprompt, suffix or autoprompt (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the search (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", description = "Most search steps (default: the quick preset's 60).")
    Integer steps;

    @Option(names = "--tokens", defaultValue = "6", description = "Prompt length in tokens (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--shots", defaultValue = "3", description = "Examples per proposal context (default ${DEFAULT-VALUE}).")
    int shots;

    @Option(names = "--n", defaultValue = "100", description = "Examples to generate for --task (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--layout", description = {"Layout for --jsonl/--inputs rows: none (default: the strings exactly as given),",
            "language, sentiment, math (or math_one, math_two, math_three)."})
    String layout;

    @Option(names = "--train-fraction", description = {"Share of the rows the search sees (shuffled with --seed);",
            "default 0.75 for --task (the rest held out), 1 for --jsonl and --inputs (every row)."})
    Double trainFraction;

    @Option(names = "--max-minutes", description = "Stop the search after this many minutes.")
    Double maxMinutes;

    @Option(names = "--max-datapoints", description = {"Rows the search builds and steps over before it stops",
            "(imodelsX's max_n_datapoints; default: the quick preset's " + IPromptConfig.QUICK_MAX_DATAPOINTS + ")."})
    Integer maxDatapoints;

    @Option(names = "--top", defaultValue = "10", description = "Prompts to print (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--results", defaultValue = "results", description = "Run records go to RESULTS/explain (default ${DEFAULT-VALUE}).")
    Path results;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        ExplainData data = load();
        try (LanguageModel lm = model.load(dtype.get())) {
            checkTokens(lm, data);
            IPromptConfig cfg = searchConfig(data);
            Budget budget = budget();
            RunConfig config = config(data, lm);
            RecordStore store = new RecordStore(results, "explain");
            try {
                store.checkWritable(config); // before the search, not after it
            } catch (UncheckedIOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("--results " + results + ": " + e.getMessage(), e);
            }
            Instant start = Instant.now();
            SearchResult r = Methods.create(method, cfg).search(lm, data.inputs(), data.outputs(), budget);
            Instant end = Instant.now();
            print(r, data, lm);
            Path written = store.write(SearchRecords.record("explain", config, r, data.keywords(), start, end));
            System.out.println("run record: " + written);
        }
        return 0;
    }

    /** Values no search can use, named by their flags, before any data or model is loaded. */
    void checkOptions() {
        if (!Methods.NAMES.contains(method)) {
            throw new IllegalArgumentException("--method must be one of " + String.join(", ", Methods.NAMES) + "; got "
                    + method);
        }
        atLeast("--steps", steps == null ? 1 : steps, 1);
        atLeast("--tokens", tokens, 1);
        atLeast("--shots", shots, 1);
        atLeast("--n", n, 1);
        atLeast("--max-datapoints", maxDatapoints == null ? 1 : maxDatapoints, 1);
        atLeast("--top", top, 0);
        if (trainFraction != null && !(trainFraction > 0 && trainFraction <= 1)) {
            throw new IllegalArgumentException("--train-fraction must be more than 0 and at most 1; got " + trainFraction);
        }
        if (maxMinutes != null && !(maxMinutes >= 0 && Double.isFinite(maxMinutes))) {
            throw new IllegalArgumentException("--max-minutes must be 0 or more; got " + maxMinutes);
        }
    }

    private static void atLeast(String flag, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(flag + " must be at least " + min + "; got " + value);
        }
    }

    /** --tokens against the model's sequence length and the data's longest output ({@link PromptLength}). */
    private void checkTokens(LanguageModel lm, ExplainData data) {
        IPromptConfig cfg = IPromptConfig.quick(); // the preset's sequence length and (empty) preprefix
        int max = PromptLength.max(lm, cfg, data.outputs());
        if (tokens > max) {
            throw new IllegalArgumentException("--tokens " + tokens + " is more than this model and data allow: at most "
                    + max + " (a scored sequence holds " + PromptLength.sequence(lm, cfg) + " tokens, of which the "
                    + "longest output takes " + PromptLength.fixed(lm, cfg, data.outputs()) + " and the input at least 1)");
        }
    }

    IPromptConfig searchConfig(ExplainData data) {
        IPromptConfig.Builder b = IPromptConfig.quick().toBuilder().seed(seed).numLearnedTokens(tokens)
                .nShots(Math.min(shots, data.inputs().size()));
        return (maxDatapoints == null ? b : b.maxNDatapoints(maxDatapoints)).build();
    }

    Budget budget() {
        Budget budget = Budget.steps(steps == null ? IPromptConfig.QUICK_STEPS : steps);
        return maxMinutes == null ? budget : budget.andTime(Duration.ofMillis((long) (maxMinutes * 60_000)));
    }

    /** What this command's run is: the configuration whose id names its record. */
    RunConfig config(ExplainData data, LanguageModel lm) {
        return SearchRecords.config(method, data.rows(), lm, searchConfig(data), budget());
    }

    private void print(SearchResult r, ExplainData data, LanguageModel lm) {
        System.out.printf("%s on %s: %d steps, %d candidates scored, %.0f s (%s)%s%n", r.method(), data.name(), r.steps(),
                r.candidatesScored(), r.seconds(), r.stopReason(),
                lm.dtype() == Dtype.FLOAT32 && dtype.get() == Dtype.FLOAT32 ? "" : ", " + lm.dtypeDescription());
        if (data.groundTruth() != null) {
            System.out.println("ground truth: " + data.groundTruth());
        }
        System.out.printf("%4s  %-40s %9s %9s %5s%s%n", "rank", "prompt", "accuracy", "loss", "evals",
                data.keywords() == null ? "" : "  correct");
        List<RankedPrompt> ranked = r.ranked();
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            RankedPrompt p = ranked.get(i);
            String ok = data.keywords() == null ? "" : (data.keywords().matcher(p.text()).find() ? "  yes" : "  no");
            System.out.printf("%4d  %-40s %9.3f %9.3f %5d%s%n", i + 1, quote(p.text()), p.meanAccuracy(), p.meanLoss(),
                    p.evaluations(), ok);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    ExplainData load() {
        if (source.task != null) {
            return ExplainData.task(source.task, seed, n, trainFraction, layout);
        }
        if (source.jsonl != null) {
            return ExplainData.jsonl(source.jsonl, seed, trainFraction, layout);
        }
        return ExplainData.lines(source.inputs, outputs, seed, trainFraction, layout);
    }
}
