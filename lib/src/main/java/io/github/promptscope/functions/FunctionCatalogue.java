package io.github.promptscope.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The functions the three experiments use, with the reference's sources and descriptions verbatim
 * ({@code functions/function_definitions.py} at 0cfdfb6; spec A1, A5, A6).
 */
public final class FunctionCatalogue {

    /** A5's large coefficients: add_K for these K. */
    private static final int[] LARGE_ADD = {44, 338, 195, 12, 58, 152, 91, 883, 486, 296};
    /** A5's large coefficients: subtract_K for these K. */
    private static final int[] LARGE_SUBTRACT = {851, 551, 10, 265, 279, 513, 146, 108, 72, 16};

    private static final Map<String, FunctionDefinition> ALL = build();

    private FunctionCatalogue() {}

    /** The entry for {@code key}; an unknown key is an error that lists the known ones. */
    public static FunctionDefinition get(String key) {
        FunctionDefinition f = ALL.get(key);
        if (f == null) {
            throw new IllegalArgumentException("unknown function \"" + key + "\"; the catalogue has " + keys());
        }
        return f;
    }

    public static boolean contains(String key) {
        return ALL.containsKey(key);
    }

    /** Every key, sorted. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>(ALL.keySet());
        Collections.sort(keys);
        return keys;
    }

    private static Map<String, FunctionDefinition> build() {
        Map<String, FunctionDefinition> m = new LinkedHashMap<>();
        add(m, addition(5));
        add(m, addition(14));
        add(m, subtraction(1));
        add(m, subtraction(11));
        add(m, multiplication(3));
        add(m, multiplication(4));
        add(m, new FunctionDefinition("negate", "lambda n: -n", "int", "Multiplication", "Negates the input"));
        add(m, new FunctionDefinition("identity", "lambda n: n", "int", "Identity", "Returns the input unchanged"));
        for (int k : new int[] {2, 3}) {
            add(m, new FunctionDefinition("mod_" + k, "lambda n: n % " + k, "int", "Modulo",
                    "Returns the input modulo " + k));
        }
        for (int k : new int[] {2, 3, 4}) {
            add(m, new FunctionDefinition("int_div_" + k, "lambda n: n // " + k, "int", "Integer division",
                    "Integer division by " + k));
        }
        add(m, new FunctionDefinition("bool_geq_3", "lambda n: n >= 3", "bool", "Comparison",
                "Returns True if the input is greater than or equal to 3, False otherwise"));
        add(m, new FunctionDefinition("bool_mod_2", "lambda n: n % 2 == 0", "bool", "Modulo",
                "Returns True if the input is even, False otherwise"));
        add(m, new FunctionDefinition("float_mult_7_div_4", "lambda n: n * 7 / 4", "float", "Float multiplication",
                "Multiplies the input by 7/4"));
        add(m, new FunctionDefinition("float_mult_3_div_2", "lambda n: n * 3 / 2", "float", "Float multiplication",
                "Multiplies the input by 3/2"));
        add(m, new FunctionDefinition("affine_3x_2", "lambda n: 3 * n + 2", "int", "Affine linear",
                "Returns 3 times the input plus 2"));
        add(m, new FunctionDefinition("affine_neg5x_3", "lambda n: -5 * n + 3", "int", "Affine linear",
                "Returns -5 times the input plus 3"));
        add(m, new FunctionDefinition("relu_neg2", "lambda n: max(n, -2)", "int", "ReLU",
                "Returns the maximum of the input and -2"));
        IntStream.of(LARGE_ADD).forEach(k -> add(m, addition(k)));
        IntStream.of(LARGE_SUBTRACT).forEach(k -> add(m, subtraction(k)));
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, FunctionDefinition> m, FunctionDefinition f) {
        m.putIfAbsent(f.key(), f);
    }

    private static FunctionDefinition addition(int k) {
        return new FunctionDefinition("add_" + k, "lambda n: n + " + k, "int", "Addition", "Adds " + k + " to the input");
    }

    private static FunctionDefinition subtraction(int k) {
        return new FunctionDefinition("subtract_" + k, "lambda n: n - " + k, "int", "Subtraction",
                "Subtracts " + k + " from the input");
    }

    private static FunctionDefinition multiplication(int k) {
        return new FunctionDefinition("multiply_" + k, "lambda n: n * " + k, "int", "Multiplication",
                "Multiplies the input by " + k);
    }
}
