package io.github.promptscope.functions;

import java.util.List;
import java.util.Map;

/**
 * Every eval template of spec A7 by name, built for one finetune's resolved config. Items are drawn
 * from {@code new Rng(seed)} (the reference's eval seed is 100); held-out tests also need the training
 * datapoints, which {@link #build} regenerates from the config (the same call that wrote train.jsonl).
 */
public final class EvalTemplates {

    /** Functions and Functions-large. */
    public static final List<String> FUNCTIONS = List.of("regression_ood", "add_subtract_int_ood",
            "add_subtract_function_ood", "function_composition_ood", "function_inversion", "function_inversion_ood",
            "freeform_definition", "multiple_choice_language", "multiple_choice_code", "multiple_choice_function_class",
            "multiple_choice_output_type", "multiple_choice_coefficients", "inverse_query", "regression_ID",
            "augmentations");

    /** Mixture of Functions. */
    public static final List<String> MIXTURE = List.of("function_class", "language_definition", "python_definition",
            "values", "max_min", "number_of_functions", "regression_ID", "regression_ID_1ex", "regression_ID_2ex",
            "regression_ID_TVD");

    /** The reference's item counts (the configs' eval.n_items scales them for CPU). */
    private static final Map<String, Integer> SPEC_ITEMS = Map.of("function_inversion", 2000, "freeform_definition", 2000,
            "regression_ID_TVD", 200);

    private EvalTemplates() {}

    /** The templates of a config's experiment. */
    public static List<String> names(FunctionsConfig config) {
        return config.isMixture() ? MIXTURE : FUNCTIONS;
    }

    /** How many items the reference made for {@code template}. */
    public static int specItems(FunctionsConfig config, String template) {
        if (config.isMixture()) {
            return template.startsWith("regression_ID") ? SPEC_ITEMS.getOrDefault(template, 400) : 500;
        }
        return SPEC_ITEMS.getOrDefault(template, 1000);
    }

    /**
     * {@code template}'s items at its default count: the config's {@code eval.n_items}, except
     * {@code regression_ID_TVD}, which is always the spec's 200 rows (100 questions, each asked twice
     * with 128 samples): its score is the spread of the samples over the pair's two outputs, per
     * question, so a run with a handful of questions says little.
     */
    public static List<EvalItem> build(FunctionsConfig config, String template, long seed) {
        return build(config, template, seed, defaultItems(config, template));
    }

    /** The item count {@link #build(FunctionsConfig, String, long)} uses. */
    public static int defaultItems(FunctionsConfig config, String template) {
        check(config, template);
        return template.equals("regression_ID_TVD") ? specItems(config, template) : config.eval().nItems();
    }

    public static List<EvalItem> build(FunctionsConfig config, String template, long seed, int n) {
        check(config, template);
        if (n < 1) {
            throw new IllegalArgumentException("the number of eval items must be at least 1, got " + n);
        }
        Rng rng = new Rng(seed);
        if (template.startsWith("regression_ID") || template.equals("augmentations")) {
            List<Datapoint> training = TrainingData.generate(config, config.nSamples(), new Rng(config.seed()));
            return config.isMixture() ? heldOutMixture(config, template, training, n, rng)
                    : HeldOutTests.functions(template, config, training, n, rng);
        }
        return config.isMixture() ? mixture(config, template, n, rng) : functions(config, template, n, rng);
    }

    /** An unknown template is an error naming it and the known ones. */
    public static void check(FunctionsConfig config, String template) {
        if (!names(config).contains(template)) {
            throw new IllegalArgumentException("unknown eval template \"" + template + "\" for a " + config.experiment()
                    + " experiment; one of " + names(config));
        }
    }

    private static List<EvalItem> functions(FunctionsConfig c, String template, int n, Rng rng) {
        EvalRanges r = c.eval();
        return switch (template) {
            case "regression_ood" -> ProgramEvals.regressionOod(c, n, rng);
            case "add_subtract_int_ood" -> ProgramEvals.augmentation(template, "False", c, n, rng);
            case "add_subtract_function_ood" -> ProgramEvals.augmentation(template, "add_subtract", c, n, rng);
            case "function_composition_ood" -> ProgramEvals.augmentation(template, "chain", c, n, rng);
            case "function_inversion" -> QuestionEvals.inversion(template, c, List.of(new int[] {r.inputMin(), r.inputMax()}),
                    n, rng);
            case "function_inversion_ood" -> QuestionEvals.inversion(template, c, r.oodRanges(), n, rng);
            case "freeform_definition" -> QuestionEvals.freeform(c, n, rng);
            case "multiple_choice_language" -> QuestionEvals.multipleChoice(template, "language_definition", c, n, rng);
            case "multiple_choice_code" -> QuestionEvals.multipleChoice(template, "python_definition", c, n, rng);
            case "multiple_choice_function_class" -> QuestionEvals.multipleChoice(template, "function_class", c, n, rng);
            case "multiple_choice_output_type" -> QuestionEvals.multipleChoice(template, "output_type", c, n, rng);
            case "multiple_choice_coefficients" -> CoefficientChoices.generate(c, n, rng);
            default -> QuestionEvals.inverseQuery(c, n, rng);
        };
    }

    private static List<EvalItem> mixture(FunctionsConfig c, String template, int n, Rng rng) {
        return switch (template) {
            case "values" -> MixtureEvals.values(c, n, rng);
            case "max_min" -> MixtureEvals.maxMin(c, n, rng);
            case "number_of_functions" -> MixtureEvals.numberOfFunctions(c, n, rng);
            default -> MixtureEvals.multipleChoice(template, c, n, rng);
        };
    }

    private static List<EvalItem> heldOutMixture(FunctionsConfig c, String template, List<Datapoint> training, int n,
            Rng rng) {
        return switch (template) {
            case "regression_ID_1ex" -> HeldOutTests.mixture(template, 1, false, c, training, n, rng);
            case "regression_ID_2ex" -> HeldOutTests.mixture(template, 2, false, c, training, n, rng);
            case "regression_ID_TVD" -> HeldOutTests.mixture(template, 0, true, c, training, n, rng);
            default -> HeldOutTests.mixture(template, 0, false, c, training, n, rng);
        };
    }
}
