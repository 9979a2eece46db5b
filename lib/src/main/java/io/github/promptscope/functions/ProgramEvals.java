package io.github.promptscope.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * The eval templates whose target is a program's printout (spec A7): {@code regression_ood}
 * (one call on inputs outside the training range), and {@code add_subtract_int_ood},
 * {@code add_subtract_function_ood}, {@code function_composition_ood} (the augmentations, on the
 * test functions, over a small range). Judged by exact string match; T=1, n=5.
 */
final class ProgramEvals {

    private ProgramEvals() {}

    static List<EvalItem> regressionOod(FunctionsConfig config, int n, Rng rng) {
        List<InputFunction> halves = new ArrayList<>();
        for (int[] r : config.eval().oodRanges()) {
            halves.add(InputFunction.regression(1, r[0], r[1]));
        }
        if (halves.isEmpty()) {
            throw new IllegalArgumentException("regression_ood needs eval.ood_ranges in the config");
        }
        List<EvalItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Datapoint d = RegressionPrograms.generate(config, rng.choice(halves), rng);
            items.add(item("regression_ood", config, d));
        }
        return items;
    }

    /** {@code mode}: False (add_subtract_int_ood), add_subtract or chain, on the test functions. */
    static List<EvalItem> augmentation(String template, String mode, FunctionsConfig config, int n, Rng rng) {
        EvalRanges r = config.eval();
        int minImports = mode.equals("False") ? 1 : 2;
        InputFunction spec = InputFunction.augmentation("test_functions", List.of(mode), minImports, r.smallMin(),
                r.smallMax(), r.smallOtherMax());
        List<EvalItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(item(template, config, AugmentationPrograms.generate(config, spec, rng)));
        }
        return items;
    }

    static EvalItem item(String template, FunctionsConfig config, Datapoint d) {
        return new EvalItem(template, d.question(config.systemPrompt()), new ExactAnswer(d.target()), d.function(),
                config.role(d.function()), 1.0, 5);
    }
}
