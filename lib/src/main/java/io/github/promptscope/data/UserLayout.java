package io.github.promptscope.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The layouts a user may ask for their own rows ({@code explain --layout}): {@code none} (default: the
 * strings as given), {@code language} ({@code Input: x Answer:} / {@code " y\n\n"}), {@code sentiment}
 * ({@code Input: x  Output:} / {@code " y\n"}), {@code math} ({@code Given the input numbers a and b,
 * the answer is} / {@code " y.\n\n"}, the one-, two- or three-number wording chosen by how many
 * numbers the input holds), or {@code math_one}, {@code math_two}, {@code math_three} explicitly.
 *
 * <p>With a layout the user's input and output are raw values: the output is stripped of surrounding
 * whitespace before the layout adds its own, and for the math layouts the input is split on spaces
 * and commas into the numbers. Without one ({@code none}) nothing is touched.
 */
public final class UserLayout {

    public static final List<String> NAMES =
            List.of("none", "language", "sentiment", "math", "math_one", "math_two", "math_three");

    private final String name;

    private UserLayout(String name) {
        this.name = name;
    }

    public static UserLayout none() {
        return new UserLayout("none");
    }

    /** A layout by name (case-insensitive); an unknown name lists the known ones. */
    public static UserLayout named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new DataException("unknown layout \"" + name + "\"; known layouts: " + String.join(", ", NAMES));
        }
        return new UserLayout(n);
    }

    public String name() {
        return name;
    }

    /** The template recorded in the dataset (for {@code math}, the one the first example needs). */
    ExampleTemplate template(String firstInput) {
        return switch (name) {
            case "none" -> ExampleTemplate.VERBATIM;
            case "language" -> ExampleTemplate.LANGUAGE;
            case "sentiment" -> ExampleTemplate.SENTIMENT;
            case "math_one" -> ExampleTemplate.MATH_ONE;
            case "math_two" -> ExampleTemplate.MATH_TWO;
            case "math_three" -> ExampleTemplate.MATH_THREE;
            default -> math(numbers(firstInput).size());
        };
    }

    /** One example: verbatim, or the raw input and output put into this layout. */
    public Example format(String input, String output) {
        if (name.equals("none")) {
            return ExampleTemplate.VERBATIM.format(input, output);
        }
        String y = output.strip();
        if (name.startsWith("math")) {
            List<String> xs = numbers(input);
            ExampleTemplate t = name.equals("math") ? math(xs.size()) : template(input);
            int need = t == ExampleTemplate.MATH_ONE ? 1 : t == ExampleTemplate.MATH_TWO ? 2 : 3;
            if (xs.size() != need) {
                throw new DataException("layout " + name + " needs " + need + " number(s) in the input, got "
                        + xs.size() + ": \"" + input + "\"");
            }
            return t.format(xs, y);
        }
        return template(input).format(input.strip(), y);
    }

    private static List<String> numbers(String input) {
        return Arrays.stream(input.strip().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static ExampleTemplate math(int n) {
        return switch (n) {
            case 1 -> ExampleTemplate.MATH_ONE;
            case 2 -> ExampleTemplate.MATH_TWO;
            case 3 -> ExampleTemplate.MATH_THREE;
            default -> throw new DataException("layout math takes 1 to 3 numbers per input, got " + n);
        };
    }
}
