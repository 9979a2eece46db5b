package io.github.promptscope.metrics;

import io.github.promptscope.data.Example;
import io.github.promptscope.data.PromptLayout;
import io.github.promptscope.lm.ContinuationScore;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.ScoreRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How well a prompt makes a language model produce held-out outputs, in iPrompt's scoring layout
 * {@code [prompt][". " + x][y]} (y stripped of trailing whitespace and periods), computed in
 * batches through {@link LanguageModel#score}.
 *
 * <ul>
 *   <li>{@link #exactMatch}: greedy decoding would produce y exactly (every y token is the argmax),
 *       the per-example "correct" of spec section 1.4;
 *   <li>{@link #optionRank}: the rank of y among all distinct outputs of the set, by total
 *       log-probability; rank 0 is a hit.
 * </ul>
 */
public final class LmPromptAccuracy {

    /** One example's outcome. {@code rank} is -1 for exact match, where no options are ranked. */
    public record Row(Example example, boolean correct, double logProb, int rank) {}

    /** The aggregate and every row, so a notebook can inspect the misses. */
    public record Result(String prompt, double accuracy, double meanLogProb, List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    private LmPromptAccuracy() {}

    public static Result exactMatch(LanguageModel lm, String prompt, List<Example> examples) {
        requireExamples(examples);
        List<ScoreRequest> requests = new ArrayList<>();
        for (Example e : examples) {
            requests.add(request(prompt, e.input(), PromptLayout.stripOutput(e.output())));
        }
        List<ContinuationScore> scores = lm.score(requests);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            rows.add(new Row(examples.get(i), scores.get(i).greedy(), scores.get(i).sum(), -1));
        }
        return summarize(prompt, rows);
    }

    public static Result optionRank(LanguageModel lm, String prompt, List<Example> examples) {
        requireExamples(examples);
        List<String> options = new ArrayList<>(new LinkedHashSet<>(
                examples.stream().map(e -> PromptLayout.stripOutput(e.output())).toList()));
        List<ScoreRequest> requests = new ArrayList<>();
        for (Example e : examples) {
            for (String o : options) {
                requests.add(request(prompt, e.input(), o));
            }
        }
        List<ContinuationScore> scores = lm.score(requests);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            String truth = PromptLayout.stripOutput(examples.get(i).output());
            double truthScore = scores.get(i * options.size() + options.indexOf(truth)).sum();
            int rank = 0;
            for (int j = 0; j < options.size(); j++) {
                if (scores.get(i * options.size() + j).sum() > truthScore) {
                    rank++;
                }
            }
            rows.add(new Row(examples.get(i), rank == 0, truthScore, rank));
        }
        return summarize(prompt, rows);
    }

    /** {@code [prompt][". " + x]}, or just {@code [x]} for the no-prompt baseline. */
    static ScoreRequest request(String prompt, String input, String output) {
        List<String> prefix = prompt.isBlank()
                ? List.of(input)
                : List.of(prompt, PromptLayout.BEFORE_INPUT + input);
        return new ScoreRequest(prefix, output);
    }

    private static Result summarize(String prompt, List<Row> rows) {
        double correct = rows.stream().filter(Row::correct).count();
        double lp = rows.stream().mapToDouble(Row::logProb).average().orElse(Double.NaN);
        return new Result(prompt, correct / rows.size(), lp, rows);
    }

    private static void requireExamples(List<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("examples: empty; prompt accuracy needs at least one example");
        }
    }
}
