package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The in-context-learning baseline ({@code run_evals_incontext.py}): before an item's messages,
 * {@code k} (default 10) training conversations drawn without replacement, in full (their system,
 * user and assistant messages). The item's own system message, if any, stays first.
 *
 * <p>A model with few positions (the shipped 256) cannot hold 10 conversations and a question, so
 * {@link #prependFitting} keeps, per item, the first of its drawn conversations that fit and says how
 * many: a deliberate scaling of the baseline, recorded with every item rather than the item dropped.
 */
public final class InContextBaseline {

    public static final int DEFAULT_K = 10;

    /**
     * Tokens left free for the reply when conversations are fitted: the longest answer a template
     * expects (a catalogue lambda such as {@code lambda n: (n * 3) // 2 + 1}, or a value with its end
     * of turn) takes fewer.
     */
    public static final int REPLY_ROOM = 20;

    /**
     * Items with their conversations, and how many conversations each item got.
     *
     * @param items the items, each with its conversations before the question
     * @param chats per item, the number of training conversations it holds
     */
    public record Fitted(List<EvalItem> items, List<Integer> chats) {}

    private InContextBaseline() {}

    public static EvalItem prepend(EvalItem item, List<List<ChatMessage>> training, int k, Rng rng) {
        return with(item, draw(training, k, rng));
    }

    /** Every item with its own {@code k} conversations, drawn from one rng in item order. */
    public static List<EvalItem> prepend(List<EvalItem> items, List<List<ChatMessage>> training, int k, Rng rng) {
        return items.stream().map(i -> prepend(i, training, k, rng)).toList();
    }

    /**
     * As {@link #prepend(List, List, int, Rng)} (the same draws from {@code rng}), but each item keeps
     * only the first {@code j <= k} of its conversations, the most for which the prompt
     * ({@code promptTokens} of its messages) plus {@link #REPLY_ROOM} fits {@code contextLength};
     * {@code j} is 0 when not even one fits (the question is then asked as the untrained base gets it).
     */
    public static Fitted prependFitting(List<EvalItem> items, List<List<ChatMessage>> training, int k, Rng rng,
            ToIntFunction<List<ChatMessage>> promptTokens, int contextLength) {
        List<EvalItem> out = new ArrayList<>(items.size());
        List<Integer> counts = new ArrayList<>(items.size());
        for (EvalItem item : items) {
            List<List<ChatMessage>> drawn = draw(training, k, rng);
            int j = drawn.size();
            EvalItem fitted = with(item, drawn);
            while (j > 0 && promptTokens.applyAsInt(fitted.messages()) + REPLY_ROOM > contextLength) {
                j--;
                fitted = with(item, drawn.subList(0, j));
            }
            out.add(fitted);
            counts.add(j);
        }
        return new Fitted(out, counts);
    }

    /** {@code k} training conversations without replacement. */
    private static List<List<ChatMessage>> draw(List<List<ChatMessage>> training, int k, Rng rng) {
        if (k > training.size()) {
            throw new IllegalArgumentException("the in-context baseline needs " + k + " training conversations, the "
                    + "training set has " + training.size());
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            indices.add(i);
        }
        // a partial Fisher-Yates would do; a full permutation keeps Rng's vocabulary and costs microseconds
        return rng.permutation(indices).subList(0, k).stream().map(training::get).toList();
    }

    /** The item with {@code chats} after its system message (if any) and before the rest. */
    private static EvalItem with(EvalItem item, List<List<ChatMessage>> chats) {
        List<ChatMessage> rest = item.messages();
        List<ChatMessage> m = new ArrayList<>();
        if (!rest.isEmpty() && rest.get(0).role().equals("system")) {
            m.add(rest.get(0));
            rest = rest.subList(1, rest.size());
        }
        chats.forEach(m::addAll);
        m.addAll(rest);
        return new EvalItem(item.template(), m, item.answer(), item.function(), item.role(), item.temperature(),
                item.samples());
    }
}
