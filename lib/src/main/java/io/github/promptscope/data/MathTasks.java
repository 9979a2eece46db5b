package io.github.promptscope.data;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * iPrompt's synthetic math tasks (spec section 3.1): formats, answers, ground truths and recovery
 * keywords exactly as the paper's code has them.
 */
public final class MathTasks {

    /** The paper's input range: digits 0..9. */
    public static final int DEFAULT_MAX_DIGIT = 10;

    static final String SOURCE = "synthetic; iPrompt EXP iprompt/data_utils/{one,two,three}_num.py";

    private record Spec(String name, int arity, String description, String keywords, NumberFunction f) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("add_two", 2, "Return the sum of the inputs.", "add|sum|\\+", x -> str(x[0] + x[1])),
            new Spec("multiply_two", 2, "Return the product of the inputs.", "multiply|product|\\*",
                    x -> str(x[0] * x[1])),
            new Spec("divide_two", 2, "Return the quotient of the inputs.", "divide|into|quotient",
                    x -> x[0] + "/" + x[1]),
            new Spec("subtract_two", 2, "Return the difference of the inputs.", "subtract|difference|\\-",
                    x -> str(x[0] - x[1])),
            new Spec("max_two", 2, "Return the maximum of the inputs.", "max|large|greate|big",
                    x -> str(Arrays.stream(x).max().orElseThrow())),
            new Spec("first_two", 2, "Return the first of the inputs.", "first|begin|original", x -> str(x[0])),
            new Spec("square_one", 1, "Square the input to get the output.",
                    "square|(mult.*self)|(prod.*self)|x\\s*\\*\\s*x|pow\\(x,\\s*2\\)", x -> str(x[0] * x[0])),
            new Spec("exp_one", 1, "Exponentiate the input to get the output.", "exp|e\\s*^\\s*x|e\\s*to the\\s*x",
                    x -> roundedExp(x[0])),
            new Spec("double_one", 1, "Given an input x, return 2*x.", "two|double|2", x -> str(2 * x[0])),
            new Spec("fibonacci_one", 1, "Given an input x, return the xth fibonacci number.", "fib",
                    x -> fibonacci(x[0]).toString()),
            new Spec("add_three", 3, "Return the sum of the inputs.", "add|sum|\\+",
                    x -> str(x[0] + x[1] + x[2])),
            new Spec("multiply_three", 3, "Return the product of the inputs.", "multiply|product|\\*",
                    x -> str(x[0] * x[1] * x[2])),
            new Spec("max_three", 3, "Return the maximum of the inputs.", "max|large|greate|big",
                    x -> str(Arrays.stream(x).max().orElseThrow())),
            new Spec("first_three", 3, "Return the first of the inputs.", "first|begin|original", x -> str(x[0])));

    private MathTasks() {
    }

    /** All math tasks with the paper's digit range. */
    public static List<Task> all() {
        return SPECS.stream().map(s -> task(s, DEFAULT_MAX_DIGIT)).toList();
    }

    /** One task with inputs drawn from [0, maxDigit) (the paper's ablation uses 10..160). */
    public static Optional<Task> get(String name, int maxDigit) {
        return SPECS.stream().filter(s -> s.name().equals(name)).findFirst().map(s -> task(s, maxDigit));
    }

    private static Task task(Spec s, int maxDigit) {
        TaskInfo info = new TaskInfo(s.name(), "math", s.description(), s.keywords(), SOURCE);
        ExampleTemplate template = switch (s.arity()) {
            case 1 -> ExampleTemplate.MATH_ONE;
            case 2 -> ExampleTemplate.MATH_TWO;
            default -> ExampleTemplate.MATH_THREE;
        };
        return new Task(info, template, new NumberRows(s.arity(), maxDigit, s.f()));
    }

    private static String str(long v) {
        return Long.toString(v);
    }

    /**
     * numpy's {@code round(exp(x), 2)} printed as Python does. StrictMath, because Math.exp may differ
     * by one ulp between JVMs (Math.exp(40) does here) and the answer string must not.
     */
    static String roundedExp(long x) {
        return PyFloat.repr(Math.rint(StrictMath.exp(x) * 100) / 100);
    }

    /** Fib(0) = 0, Fib(1) = 1; BigInteger because the ablation's inputs reach 159. */
    static BigInteger fibonacci(long n) {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (long i = 0; i < n; i++) {
            BigInteger t = a.add(b);
            a = b;
            b = t;
        }
        return a;
    }
}
