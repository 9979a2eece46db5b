package io.github.promptscope.data;

import java.util.List;
import java.util.Objects;

/**
 * How the raw fields of an example are laid out as input, output and proposal text.
 *
 * <p>Formats use {@code {0}}, {@code {1}}, ... for the raw input fields and {@code {y}} for the raw
 * answer; the text format may also use {@code {input}} and {@code {output}} for the two formatted
 * halves. Substitution is a single pass, so a field that itself contains {@code {1}} is copied
 * verbatim. The layouts are the iPrompt experiment code's (spec sections 3.1 to 3.4).
 *
 * @param name          short name shown in listings
 * @param inputFormat   the scored input x
 * @param outputFormat  the target y
 * @param textFormat    one example inside a proposal context
 * @param shotSeparator what joins example texts when several shots share a context
 */
public record ExampleTemplate(String name, String inputFormat, String outputFormat, String textFormat,
                              String shotSeparator) {

    /** {@code Given the input x is 7, the output f(x) is} / {@code " 49.\n\n"}. */
    public static final ExampleTemplate MATH_ONE = math("math_one", "Given the input x is {0}, the output f(x) is");
    /** {@code Given the input numbers 9 and 7, the answer is} / {@code " 16.\n\n"}. */
    public static final ExampleTemplate MATH_TWO = math("math_two", "Given the input numbers {0} and {1}, the answer is");
    /** {@code Given the input numbers 1, 2, and 3, the answer is} / {@code " 6.\n\n"}. */
    public static final ExampleTemplate MATH_THREE =
            math("math_three", "Given the input numbers {0}, {1}, and {2}, the answer is");
    /**
     * ANLI, instruction induction and D3: the output ends in a blank line but the proposal text in a
     * single newline, because the experiment CSVs store {@code Input: .. Answer: ..\n}.
     */
    public static final ExampleTemplate LANGUAGE =
            new ExampleTemplate("language", "Input: {0} Answer:", " {y}\n\n", "Input: {0} Answer: {y}\n", "");
    /** Sentiment: two spaces before {@code Output:} are the original's {@code ' ' + ' Output:'}. */
    public static final ExampleTemplate SENTIMENT =
            new ExampleTemplate("sentiment", "Input: {0}  Output:", " {y}\n", "{input}{output}\n\n", "");
    /**
     * The user's strings as given: input and output untouched, the text their concatenation. What
     * {@code explain --jsonl} uses unless a layout is asked for; imodelsX's add_two rows
     * ({@code "Given the input numbers 0 and 1, the answer is"}, {@code " 1.\n\n"}) come out exactly
     * as {@link #MATH_TWO} makes them.
     */
    public static final ExampleTemplate VERBATIM = new ExampleTemplate("none", "{0}", "{y}", "{input}{output}", "");
    /** fMRI word lists: the first words are the input, the rest (after one space) the output. */
    public static final ExampleTemplate WORD_LIST =
            new ExampleTemplate("word_list", "{0}", " {y}", "{input}{output}", "\n");

    public ExampleTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputFormat, "inputFormat");
        Objects.requireNonNull(outputFormat, "outputFormat");
        Objects.requireNonNull(textFormat, "textFormat");
        Objects.requireNonNull(shotSeparator, "shotSeparator");
    }

    private static ExampleTemplate math(String name, String input) {
        // EXP math texts already end in a blank line, so shots are joined with nothing.
        return new ExampleTemplate(name, input, " {y}.\n\n", "{input}{output}", "");
    }

    /** Formats one example from its raw input fields and raw answer. */
    public Example format(List<String> fields, String answer) {
        String x = fill(inputFormat, fields, answer, null, null);
        String y = fill(outputFormat, fields, answer, null, null);
        return new Example(x, y, fill(textFormat, fields, answer, x, y));
    }

    /** Formats a single-field example. */
    public Example format(String field, String answer) {
        return format(List.of(field), answer);
    }

    /** The texts of several examples joined as one few-shot context. */
    public String join(List<Example> shots) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shots.size(); i++) {
            if (i > 0) {
                sb.append(shotSeparator);
            }
            sb.append(shots.get(i).text());
        }
        return sb.toString();
    }

    private static String fill(String format, List<String> fields, String answer, String x, String y) {
        StringBuilder out = new StringBuilder(format.length() + 32);
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int close = c == '{' ? format.indexOf('}', i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String key = format.substring(i + 1, close);
            String value = lookup(key, fields, answer, x, y);
            if (value == null) {
                out.append(c);
                i++;
            } else {
                out.append(value);
                i = close + 1;
            }
        }
        return out.toString();
    }

    private static String lookup(String key, List<String> fields, String answer, String x, String y) {
        switch (key) {
            case "y": return answer;
            case "input": return x;
            case "output": return y;
            default:
                if (key.length() == 1 && Character.isDigit(key.charAt(0))) {
                    int k = key.charAt(0) - '0';
                    if (k >= fields.size()) {
                        throw new DataException("template needs field {" + k + "} but the example has "
                                + fields.size() + " field(s): " + fields);
                    }
                    return fields.get(k);
                }
                return null;
        }
    }
}
