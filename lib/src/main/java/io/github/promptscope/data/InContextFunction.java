package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * A small integer function written out in the prompt (never hidden): the families of the Functions
 * catalogue (spec A1) with other coefficients, for the chats that teach a base model what a Python
 * interpreter chat looks like. None is a catalogue function (A1's keys and A5's add_K / subtract_K
 * are left out), so finetuning on the catalogue still has everything to teach.
 *
 * @param expression the body in {@code n}, as Python code ({@code n * 7 / 4})
 * @param language its description in the catalogue's wording
 * @param functionClass the catalogue's class name
 * @param outputType int, bool or float
 * @param apply {@code str(f(n))} in Python
 */
public record InContextFunction(String expression, String language, String functionClass, String outputType,
        LongFunction<String> apply) {

    /** Constants of the catalogue's add/subtract functions (A1, A5), which the base corpus must not use. */
    private static final Set<Integer> CATALOGUE_ADD = Set.of(5, 14, 44, 338, 195, 12, 58, 152, 91, 883, 486, 296);
    private static final Set<Integer> CATALOGUE_SUBTRACT = Set.of(1, 11, 851, 551, 10, 265, 279, 513, 146, 108, 72, 16);

    /** {@code lambda n: <expression>}. */
    public String lambda() {
        return "lambda n: " + expression;
    }

    /** Every function of the pool, in a fixed order. */
    public static List<InContextFunction> pool() {
        List<InContextFunction> out = new ArrayList<>();
        for (int k = 2; k <= 30; k++) {
            long c = k;
            if (!CATALOGUE_ADD.contains(k)) {
                out.add(integer("n + " + k, "Adds " + k + " to the input", "Addition", n -> n + c));
            }
            if (!CATALOGUE_SUBTRACT.contains(k)) {
                out.add(integer("n - " + k, "Subtracts " + k + " from the input", "Subtraction", n -> n - c));
            }
        }
        for (int k : new int[] {2, 5, 6, 7, 8, -2, -3}) {
            out.add(integer("n * " + k, "Multiplies the input by " + k, "Multiplication", n -> n * k));
        }
        for (int k : new int[] {4, 5, 6, 7}) {
            out.add(integer("n % " + k, "Returns the input modulo " + k, "Modulo", n -> Math.floorMod(n, k)));
        }
        for (int k : new int[] {5, 6, 7, 8}) {
            out.add(integer("n // " + k, "Integer division by " + k, "Integer division", n -> Math.floorDiv(n, k)));
        }
        for (int k : new int[] {-5, -1, 0, 2, 4, 5, 7}) {
            out.add(new InContextFunction("n >= " + k, "Returns True if the input is greater than or equal to " + k
                    + ", False otherwise", "Comparison", "bool", n -> n >= k ? "True" : "False"));
        }
        for (int k : new int[] {3, 4, 5}) {
            out.add(new InContextFunction("n % " + k + " == 0", "Returns True if the input is divisible by " + k
                    + ", False otherwise", "Modulo", "bool", n -> Math.floorMod(n, k) == 0 ? "True" : "False"));
        }
        for (int[] ab : new int[][] {{5, 4}, {1, 2}, {9, 4}, {5, 2}, {3, 4}}) {
            int a = ab[0];
            int b = ab[1];
            out.add(new InContextFunction("n * " + a + " / " + b, "Multiplies the input by " + a + "/" + b,
                    "Float multiplication", "float", n -> PyFloat.repr((double) (n * a) / b)));
        }
        for (int[] ab : new int[][] {{2, 1}, {4, 3}, {-2, 5}, {-3, 1}, {5, 7}, {2, 9}}) {
            int a = ab[0];
            int b = ab[1];
            out.add(integer(a + " * n + " + b, "Returns " + a + " times the input plus " + b, "Affine linear",
                    n -> a * n + b));
        }
        for (int k : new int[] {-5, -3, 0, 1, 4}) {
            out.add(integer("max(n, " + k + ")", "Returns the maximum of the input and " + k, "ReLU", n -> Math.max(n, k)));
        }
        return List.copyOf(out);
    }

    private static InContextFunction integer(String expr, String language, String cls, java.util.function.LongUnaryOperator f) {
        return new InContextFunction(expr, language, cls, "int", n -> Long.toString(f.applyAsLong(n)));
    }
}
