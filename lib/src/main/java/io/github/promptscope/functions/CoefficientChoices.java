package io.github.promptscope.functions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code multiple_choice_coefficients} (spec A7): for an affine, multiplication, addition or
 * subtraction function, pick its definition among 5 lambdas whose coefficients are drawn near the
 * true ones. The coefficients are read off the function ({@code b = f(0)}, {@code a = f(1) - b}), so
 * negate is offered as {@code lambda n: -1 * n}. T=0, n=1.
 */
final class CoefficientChoices {

    private static final List<String> CLASSES = List.of("Affine linear", "Multiplication", "Addition", "Subtraction");
    private static final List<Long> SIGNS = List.of(-1L, 1L);

    private CoefficientChoices() {}

    static List<EvalItem> generate(FunctionsConfig config, int n, Rng rng) {
        List<String> keys = config.varDict().values().stream()
                .filter(k -> CLASSES.contains(FunctionCatalogue.get(k).functionClass())).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("multiple_choice_coefficients needs an affine, multiplication, addition "
                    + "or subtraction function among the finetune's functions");
        }
        List<EvalItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FunctionDefinition f = FunctionCatalogue.get(rng.choice(keys));
            String name = config.nameOf(f.key());
            long b = f.apply(0).asLong();
            long a = f.apply(1).asLong() - b;
            String truth = definition(f.functionClass(), a, b);
            Set<String> options = new LinkedHashSet<>();
            options.add(truth);
            while (options.size() < 5) {
                options.add(distractor(f.functionClass(), a, b, rng));
            }
            List<String> shown = new ArrayList<>(options);
            rng.shuffle(shown);
            String prompt = "Which of the following is the correct definition for " + name + "?\n\n"
                    + QuestionEvals.lettered(shown) + "\n\n" + QuestionEvals.ONE_LETTER;
            items.add(new EvalItem("multiple_choice_coefficients", QuestionEvals.messages(config, name, prompt, rng),
                    new ExactAnswer(QuestionEvals.letter(shown.indexOf(truth))), f.key(), config.role(f.key()), 0.0, 1));
        }
        return items;
    }

    private static String definition(String functionClass, long a, long b) {
        return switch (functionClass) {
            case "Affine linear" -> "lambda n: " + a + " * n + " + b;
            case "Multiplication" -> "lambda n: " + a + " * n";
            case "Addition" -> "lambda n: n + " + b;
            default -> "lambda n: n - " + (-b);
        };
    }

    private static String distractor(String functionClass, long a, long b, Rng rng) {
        long absA = Math.abs(a);
        long absB = Math.abs(b);
        return switch (functionClass) {
            case "Affine linear" -> {
                long a2 = rng.choice(SIGNS) * rng.integers(Math.max(absA - 5, 1), absA + 5);
                long b2 = rng.choice(SIGNS) * rng.integers(Math.max(absB - 5, 1), absB + 5);
                yield "lambda n: " + a2 + " * n + " + b2;
            }
            case "Multiplication" -> "lambda n: " + rng.choice(SIGNS) * rng.integers(Math.max(absA - 10, 1), absA + 10)
                    + " * n";
            case "Addition" -> "lambda n: n + " + rng.integers(Math.max(absB - 10, 1), b + 10);
            default -> "lambda n: n - " + rng.integers(Math.max(absB - 10, 1), absB + 10);
        };
    }
}
