package io.github.promptscope.functions;

import java.util.List;

/** Random lambda sources over the parser's whole subset, for the Python comparison. */
final class RandomLambdas {

    private static final List<String> BINARY = List.of("+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">",
            ">=", "and", "or");

    private RandomLambdas() {}

    static String lambda(Rng rng) {
        return "lambda n: " + expression(rng, 3);
    }

    private static String expression(Rng rng, int depth) {
        if (depth == 0 || rng.integers(0, 4) == 0) {
            return leaf(rng);
        }
        return switch (rng.integers(0, 8)) {
            case 0 -> "-" + expression(rng, depth - 1);
            case 1 -> "(" + expression(rng, depth - 1) + ")";
            case 2 -> rng.choice(List.of("max", "min")) + "(" + expression(rng, depth - 1) + ", "
                    + expression(rng, depth - 1) + ")";
            case 3 -> rng.choice(List.of("abs", "int", "float")) + "(" + expression(rng, depth - 1) + ")";
            case 4 -> expression(rng, depth - 1) + " if " + expression(rng, depth - 1) + " else "
                    + expression(rng, depth - 1);
            case 5 -> "not " + expression(rng, depth - 1);
            default -> {
                String op = rng.choice(BINARY);
                // keep powers small: Python ints are unbounded, ours are 64-bit
                String right = op.equals("**") ? Long.toString(rng.integers(0, 4)) : expression(rng, depth - 1);
                yield expression(rng, depth - 1) + " " + op + " " + right;
            }
        };
    }

    private static String leaf(Rng rng) {
        return switch (rng.integers(0, 6)) {
            case 0, 1, 2 -> "n";
            case 3 -> Long.toString(rng.integers(0, 20));
            case 4 -> rng.integers(0, 8) * 0.25 + "";
            default -> rng.choice(List.of("True", "False"));
        };
    }
}
