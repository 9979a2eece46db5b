package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.List;

/**
 * One evaluation question of spec A7: the chat sent to the model (system prompt, the import line and
 * the question as two consecutive user messages; for the in-context baseline, earlier conversations
 * first), how its reply is judged, and how it is sampled.
 *
 * @param template the eval template's name, e.g. {@code regression_ood}
 * @param messages the conversation up to the reply, used exactly as built
 * @param answer how the reply is judged
 * @param function the catalogue key of the function asked about (e.g. {@code add_5}), or "" when none
 * @param role whether that function is a train or a test function (TEST when none)
 * @param temperature sampling temperature (0: greedy)
 * @param samples replies drawn per item (n)
 */
public record EvalItem(String template, List<ChatMessage> messages, AnswerCheck answer, String function,
        FunctionRole role, double temperature, int samples) {

    public EvalItem {
        messages = List.copyOf(messages);
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
    }
}
