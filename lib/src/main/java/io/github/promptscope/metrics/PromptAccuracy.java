package io.github.promptscope.metrics;

import io.github.promptscope.data.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prompt accuracy in multi-token mode (iPrompt spec section 4): an example is correct when its
 * answer, trailing punctuation and whitespace stripped, is a substring of the model's continuation.
 *
 * <pre>{@code
 * double acc = PromptAccuracy.containment(lm::beamComplete).evaluate(" Add the numbers.", test).accuracy();
 * }</pre>
 */
public final class PromptAccuracy {

    /** Per-example outcome and the aggregate, so a notebook can inspect the misses. */
    public record Result(double accuracy, List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /** One evaluated example. */
    public record Row(Example example, String continuation, boolean correct) {
    }

    private final Completion completion;

    private PromptAccuracy(Completion completion) {
        this.completion = Objects.requireNonNull(completion, "completion");
    }

    public static PromptAccuracy containment(Completion completion) {
        return new PromptAccuracy(completion);
    }

    public Result evaluate(String prompt, List<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to evaluate the prompt on");
        }
        List<Row> rows = new ArrayList<>(examples.size());
        int correct = 0;
        for (Example e : examples) {
            String out = completion.complete(prompt, e);
            boolean ok = out != null && out.contains(normalize(e.answer()));
            correct += ok ? 1 : 0;
            rows.add(new Row(e, out, ok));
        }
        return new Result(correct / (double) examples.size(), rows);
    }

    /** Strips trailing whitespace and punctuation, as the original's answer normalisation does. */
    static String normalize(String answer) {
        int end = answer.length();
        while (end > 0) {
            char c = answer.charAt(end - 1);
            if (Character.isWhitespace(c) || isPunctuation(c)) {
                end--;
            } else {
                break;
            }
        }
        return answer.substring(0, end).stripLeading();
    }

    private static boolean isPunctuation(char c) {
        return switch (Character.getType(c)) {
            case Character.OTHER_PUNCTUATION, Character.END_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.DASH_PUNCTUATION -> true;
            default -> false;
        };
    }
}
