package io.github.promptscope.metrics;

import io.github.promptscope.data.Example;
import io.github.promptscope.data.PromptLayout;
import io.github.promptscope.lm.ContinuationScore;
import io.github.promptscope.lm.Generation;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TokenIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The accuracy of a language model prompted with a prompt on held-out examples, the paper's
 * generalization and sentiment measures (iPrompt spec section 4, {@code test_model_on_task_with_prefix}):
 *
 * <ul>
 *   <li>{@link #containment}: multi-token mode. The model continues the prompted input for
 *       {@code maxNewTokens} tokens (end-of-sequence banned, as the original bans it); an example is
 *       correct when its answer, trailing punctuation and whitespace stripped, is a substring of the
 *       continuation. Decoding is greedy or a beam search ({@link BeamSearch}; the original used 4 beams).
 *   <li>{@link #masked}: single-token mode. The next-token distribution is restricted to the first
 *       tokens of all the examples' answers; correct when its argmax is the example's own first token.
 *       When every answer starts with the same token (the default model writes " 16" as " " then
 *       "16"), the restricted set has one id and every row is correct: {@link Result#choices} says so.
 * </ul>
 *
 * The prompt is laid out as the search laid it out ({@link Placement}); each piece is tokenized on
 * its own and the ids concatenated. An empty prompt is the no-prompt baseline: the input alone.
 */
public final class HeldOutAccuracy {

    /** Where the prompt goes relative to the input, as in the search that found it. */
    public enum Placement {
        /** {@code [prompt][". " + x]}: math and language tasks (prefix_before_input). */
        BEFORE_INPUT,
        /** {@code [x][prompt]}: sentiment (prompt after the input, before the label). */
        AFTER_INPUT
    }

    /** One example's outcome: what the model produced (continuation, or the chosen token's text). */
    public record Row(Example example, String produced, boolean correct) {}

    /**
     * The accuracy and every row.
     *
     * @param choices distinct candidate answers the model chose among: the restricted ids for
     *        {@link #masked}; 0 for {@link #containment}, which restricts nothing
     */
    public record Result(String prompt, double accuracy, int choices, List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /** Generation batch size: bounded so a large model's padded batch stays small. */
    private static final int GENERATION_BATCH = 32;

    private HeldOutAccuracy() {}

    /** Containment after greedy decoding (one beam), batched. */
    public static Result containment(LanguageModel lm, String prompt, List<Example> examples, Placement placement,
            int maxNewTokens) {
        return containment(lm, prompt, examples, placement, maxNewTokens, 1);
    }

    /**
     * Containment after decoding with {@code beams} beams ({@link BeamSearch}; the original used 4);
     * one beam is greedy decoding, run batched.
     */
    public static Result containment(LanguageModel lm, String prompt, List<Example> examples, Placement placement,
            int maxNewTokens, int beams) {
        requireExamples(examples);
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be >= 1, got " + maxNewTokens);
        }
        if (beams < 1) {
            throw new IllegalArgumentException("beams must be >= 1, got " + beams);
        }
        if (beams > 1) {
            List<Row> rows = new ArrayList<>();
            for (Example e : examples) {
                long[] prefix = prefix(lm, prompt, e.input(), placement, maxNewTokens);
                String text = lm.tokenizer().decode(BeamSearch.decode(lm, prefix, beams, maxNewTokens).tokens());
                rows.add(new Row(e, text, contains(text, e.output())));
            }
            return summarize(prompt, 0, rows);
        }
        GenerationConfig greedy = GenerationConfig.builder().maxNewTokens(maxNewTokens).minNewTokens(maxNewTokens)
                .stopAtEos(false).build();
        List<long[]> prefixes = new ArrayList<>();
        for (Example e : examples) {
            prefixes.add(prefix(lm, prompt, e.input(), placement, maxNewTokens));
        }
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < prefixes.size(); from += GENERATION_BATCH) {
            int to = Math.min(prefixes.size(), from + GENERATION_BATCH);
            List<Generation> out = lm.generateFromIds(prefixes.subList(from, to), greedy);
            for (int i = from; i < to; i++) {
                String text = out.get(i - from).text();
                rows.add(new Row(examples.get(i), text, contains(text, examples.get(i).output())));
            }
        }
        return summarize(prompt, 0, rows);
    }

    /** The containment rule: the stripped answer occurs in the continuation. */
    public static boolean contains(String continuation, String output) {
        return continuation.contains(PromptAccuracy.normalize(output));
    }

    public static Result masked(LanguageModel lm, String prompt, List<Example> examples, Placement placement) {
        requireExamples(examples);
        long[] allowed = answerFirstTokens(lm, examples);
        List<long[]> prefixes = new ArrayList<>();
        List<long[]> targets = new ArrayList<>();
        for (Example e : examples) {
            prefixes.add(prefix(lm, prompt, e.input(), placement, 1));
            targets.add(new long[] {firstToken(lm, e)});
        }
        // with the answer mask, "greedy" is exactly: the restricted argmax is the example's first token
        List<ContinuationScore> scores = lm.scoreTokens(prefixes, targets, allowed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            rows.add(new Row(examples.get(i), lm.tokenizer().piece(targets.get(i)[0]), scores.get(i).greedy()));
        }
        return summarize(prompt, allowed.length, rows);
    }

    /**
     * The restricted set of {@link #masked}: the first token of each example's answer as the search
     * scores it ({@code output.rstrip().rstrip('.')}, leading space kept), each id once, in order.
     */
    public static long[] answerFirstTokens(LanguageModel lm, List<Example> examples) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Example e : examples) {
            ids.add(firstToken(lm, e));
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static long firstToken(LanguageModel lm, Example e) {
        long[] y = lm.tokenizer().encode(PromptLayout.stripOutput(e.output()));
        if (y.length == 0) {
            throw new IllegalArgumentException("example \"" + e.input() + "\": the output \"" + e.output()
                    + "\" has no tokens, so it has no first token to score");
        }
        return y[0];
    }

    /**
     * The token ids the model continues: {@code [prompt][". " + x]} or {@code [x][prompt]}, or
     * {@code [x]} for an empty prompt; cut from the left so that {@code room} new tokens still fit
     * the model's positions (the reference truncates from the left too).
     */
    public static long[] prefix(LanguageModel lm, String prompt, String input, Placement placement, int room) {
        var tok = lm.tokenizer();
        long[] ids;
        if (prompt.isBlank()) {
            ids = tok.encode(input);
        } else if (placement == Placement.BEFORE_INPUT) {
            ids = TokenIds.concat(tok.encode(prompt), tok.encode(PromptLayout.BEFORE_INPUT + input));
        } else {
            ids = TokenIds.concat(tok.encode(input), tok.encode(prompt));
        }
        int keep = Math.max(1, lm.config().maxPositions() - room);
        return ids.length <= keep ? ids : Arrays.copyOfRange(ids, ids.length - keep, ids.length);
    }

    private static Result summarize(String prompt, int choices, List<Row> rows) {
        long correct = rows.stream().filter(Row::correct).count();
        return new Result(prompt, correct / (double) rows.size(), choices, rows);
    }

    private static void requireExamples(List<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no held-out examples to evaluate the prompt on");
        }
    }
}
