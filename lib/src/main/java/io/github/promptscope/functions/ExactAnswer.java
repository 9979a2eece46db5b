package io.github.promptscope.functions;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A single target string, compared exactly ({@code str(target) == model_out}, no stripping): program
 * outputs and single-letter multiple choice. {@code abs_distance} reads both sides as Python's
 * {@code float()} does.
 */
public record ExactAnswer(String target) implements AnswerCheck {

    // Python float(): optional sign, digits with single underscores between them, optional fraction and exponent
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.\\d(?:_?\\d)*|\\d(?:_?\\d)*\\.?)(?:[eE][+-]?\\d(?:_?\\d)*)?");
    private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");

    @Override
    public boolean correct(String output) {
        return target.equals(output);
    }

    @Override
    public Optional<String> exactTarget() {
        return Optional.of(target);
    }

    @Override
    public double absDistance(String output) {
        OptionalDouble t = pythonFloat(target);
        OptionalDouble o = pythonFloat(output);
        return t.isPresent() && o.isPresent() ? Math.abs(t.getAsDouble() - o.getAsDouble()) : Double.NaN;
    }

    /** Python's {@code float(text)}, or empty where it raises ValueError. */
    static OptionalDouble pythonFloat(String text) {
        String s = text.strip();
        if (FLOAT.matcher(s).matches()) {
            return OptionalDouble.of(Double.parseDouble(s.replace("_", "")));
        }
        if (SPECIAL.matcher(s).matches()) {
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("nan")) {
                return OptionalDouble.of(Double.NaN);
            }
            return OptionalDouble.of(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        return OptionalDouble.empty();
    }
}
