package io.github.promptscope.experiments;

import io.github.promptscope.backend.TextModel;
import io.github.promptscope.neurons.AdaCsSubstitute;
import io.github.promptscope.neurons.CalibratedScore;
import io.github.promptscope.neurons.CalibrationMethod;
import io.github.promptscope.neurons.Concept;
import io.github.promptscope.neurons.ConceptNaming;
import io.github.promptscope.neurons.ExplainerConfig;
import io.github.promptscope.neurons.ExplainerRun;
import io.github.promptscope.neurons.LmExplainer;
import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronScores;
import io.github.promptscope.neurons.PromptStyle;
import io.github.promptscope.neurons.PromptStyles;
import io.github.promptscope.neurons.TokenLookupExplainer;
import io.github.promptscope.results.RunOutput;
import io.github.promptscope.results.ScoredPrompt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * One (neuron, prompt) run of {@link NeuronComparison}: explain, score with every simulator, measure.
 *
 * <p>Metrics: per simulator {@code S}: {@code S.top_and_random_mean}, {@code S.top_and_random_best},
 * {@code S.top_only_mean}, {@code S.random_only_mean} (means over the explanations whose correlation
 * is defined, {@code S.scored} of them) and {@code S.calibrated_r_squared_mean} (r-squared on the
 * valid split after the calibration fitted on the calibration split). Tokens per neuron, as Lee et
 * al. count them (prompt plus one explanation's completion, spec 2.3): {@code tokens_whole_prompt}
 * (the reference's unfitted prompt) and {@code tokens_sent} (the prompt fitted to the explainer's
 * context); 0 for token lookup, which calls no model. For planted neurons: {@code
 * adacs_substitute.NAME_mean} (cosine to the concept's ground truth under an AdaCS substitute, spec
 * 7.4) and {@code names_concept} (the share of explanations that name the concept, {@link
 * ConceptNaming}). The explanations are the record's prompts, best first by the first simulator's
 * top-and-random correlation; series {@code S.top_and_random} lists the correlations in that order.
 */
final class ComparisonExplanations {

    /** The baseline's name among the prompts. */
    static final String TOKEN_LOOKUP = "token-lookup";

    private final TextModel explainer;
    private final int n;
    private final long seed;
    private final List<ComparisonSimulator> simulators;
    private final CalibrationMethod calibration;
    private final List<AdaCsSubstitute> embeddings;

    ComparisonExplanations(TextModel explainer, int n, long seed, List<ComparisonSimulator> simulators,
            CalibrationMethod calibration, List<AdaCsSubstitute> embeddings) {
        this.explainer = explainer;
        this.n = n;
        this.seed = seed;
        this.simulators = List.copyOf(simulators);
        this.calibration = calibration;
        this.embeddings = List.copyOf(embeddings);
    }

    /** A prompt name {@code --prompts} accepts, or an error listing them. */
    static void check(String prompt) {
        if (!TOKEN_LOOKUP.equals(prompt)) {
            try {
                PromptStyles.parse(prompt, "--prompts");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + "|" + TOKEN_LOOKUP, e);
            }
        }
    }

    /** @param concept the planted neuron's concept, or null for a real neuron */
    RunOutput run(String prompt, NeuronRecord record, Concept concept) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> explanations;
        long tokens = 0;
        if (TOKEN_LOOKUP.equals(prompt)) {
            explanations = new TokenLookupExplainer().explain(record);
            metrics.put("tokens_whole_prompt", 0.0);
            metrics.put("tokens_sent", 0.0);
        } else {
            PromptStyle style = PromptStyles.parse(prompt, "--prompts");
            ExplainerRun run = new LmExplainer(explainer, ExplainerConfig.defaults(style).withN(n).withSeed(seed)).run(record);
            explanations = run.explanations();
            double completion = (double) run.completionTokens() / explanations.size();
            metrics.put("tokens_sent", run.promptTokens() + completion);
            metrics.put("tokens_whole_prompt", run.wholePromptTokens() < 0 ? Double.NaN : run.wholePromptTokens() + completion);
            metrics.put("excerpts_shown", (double) run.prompt().shape().excerpts());
            metrics.put("few_shot_examples_shown", (double) run.prompt().shape().fewShotExamples());
            tokens = run.totalTokens();
        }
        metrics.put("explanations", (double) explanations.size());
        List<List<NeuronScores>> scores = new ArrayList<>(); // [simulator][explanation]
        List<List<Double>> r2 = new ArrayList<>();
        for (ComparisonSimulator s : simulators) {
            List<NeuronScores> perExplanation = new ArrayList<>();
            List<Double> calibrated = new ArrayList<>();
            for (String e : explanations) {
                NeuronScores sc = NeuronScores.of(record, e, s.simulator(), NeuronRecord.EXAMPLES_PER_SPLIT);
                perExplanation.add(sc);
                calibrated.add(CalibratedScore.of(record, e, s.simulator(), NeuronRecord.EXAMPLES_PER_SPLIT, calibration,
                        sc.simulations()).valid().rSquared());
            }
            scores.add(perExplanation);
            r2.add(calibrated);
        }
        // best first by the first simulator's top-and-random correlation; undefined (NaN) last
        List<Integer> order = IntStream.range(0, explanations.size()).boxed().sorted(Comparator.comparingDouble(
                (Integer i) -> rankKey(scores.get(0).get(i).topAndRandom().correlation()))).toList();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (int k = 0; k < simulators.size(); k++) {
            String name = simulators.get(k).name();
            List<NeuronScores> sc = scores.get(k);
            putStats(metrics, name + ".top_and_random", sc, x -> x.topAndRandom().correlation(), true);
            putStats(metrics, name + ".top_only", sc, x -> x.topOnly().correlation(), false);
            putStats(metrics, name + ".random_only", sc, x -> x.randomOnly().correlation(), false);
            metrics.put(name + ".scored", (double) sc.stream().filter(x -> Double.isFinite(x.topAndRandom().correlation())).count());
            if (calibration != CalibrationMethod.NONE) {
                metrics.put(name + ".calibrated_r_squared_mean", finiteMean(r2.get(k)));
            }
            series.put(name + ".top_and_random", order.stream().map(i -> sc.get(i).topAndRandom().correlation()).toList());
        }
        if (concept != null) {
            for (AdaCsSubstitute e : embeddings) {
                metrics.put("adacs_substitute." + e.name() + "_mean", finiteMean(explanations.stream()
                        .map(x -> x.isBlank() ? Double.NaN : e.similarity(x, concept.description())).toList()));
            }
            metrics.put("names_concept", explanations.stream().filter(x -> ConceptNaming.names(x, concept)).count()
                    / (double) explanations.size());
        }
        List<ScoredPrompt> ranked = order.stream().map(i -> new ScoredPrompt(explanations.get(i),
                scores.get(0).get(i).topAndRandom().correlation(), Double.NaN)).toList();
        return new RunOutput(ranked, metrics, tokens, series);
    }

    private static double rankKey(double correlation) {
        return Double.isFinite(correlation) ? -correlation : Double.POSITIVE_INFINITY;
    }

    private static void putStats(Map<String, Double> metrics, String name, List<NeuronScores> scores,
            ToDoubleFunction<NeuronScores> value, boolean withBest) {
        List<Double> values = scores.stream().map(value::applyAsDouble).toList();
        metrics.put(name + "_mean", finiteMean(values));
        if (withBest) {
            metrics.put(name + "_best", values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max()
                    .orElse(Double.NaN));
        }
    }

    /** The mean of the defined values; NaN when none is. */
    static double finiteMean(List<Double> values) {
        return values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
