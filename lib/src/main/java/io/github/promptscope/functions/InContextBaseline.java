package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-context-learning baseline ({@code run_evals_incontext.py}): before an item's messages,
 * {@code k} (default 10) training conversations drawn without replacement, in full (their system,
 * user and assistant messages). The item's own system message, if any, stays first.
 */
public final class InContextBaseline {

    public static final int DEFAULT_K = 10;

    private InContextBaseline() {}

    public static EvalItem prepend(EvalItem item, List<List<ChatMessage>> training, int k, Rng rng) {
        if (k > training.size()) {
            throw new IllegalArgumentException("the in-context baseline needs " + k + " training conversations, the "
                    + "training set has " + training.size());
        }
        List<ChatMessage> rest = item.messages();
        List<ChatMessage> m = new ArrayList<>();
        if (!rest.isEmpty() && rest.get(0).role().equals("system")) {
            m.add(rest.get(0));
            rest = rest.subList(1, rest.size());
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            indices.add(i);
        }
        // a partial Fisher-Yates would do; a full permutation keeps Rng's vocabulary and costs microseconds
        for (int i : rng.permutation(indices).subList(0, k)) {
            m.addAll(training.get(i));
        }
        m.addAll(rest);
        return new EvalItem(item.template(), m, item.answer(), item.function(), item.role(), item.temperature(),
                item.samples());
    }

    /** Every item with its own {@code k} conversations, drawn from one rng in item order. */
    public static List<EvalItem> prepend(List<EvalItem> items, List<List<ChatMessage>> training, int k, Rng rng) {
        return items.stream().map(i -> prepend(i, training, k, rng)).toList();
    }
}
