package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.backend.ScoredText;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.backend.TextModelException;
import io.github.promptscope.data.ChatSerialization;
import java.util.List;

/**
 * {@code prob} of spec A7, computed exactly (A7's local-port note): P(target, then the end of the
 * turn | the chat), the product of the teacher-forced token probabilities of
 * {@code target + END_OF_TURN} after the chat's prompt in {@link ChatSerialization}. Needs a model
 * that reads that serialization and an endpoint that scores text (echo with logprobs); one that
 * cannot is reported by {@link #unavailable()} instead of failing the evaluation.
 */
public final class ReplyProbability {

    private final TextModel model;
    private String unavailable;

    public ReplyProbability(TextModel model) {
        this.model = model;
    }

    /** The probability, or NaN when the endpoint cannot score (then {@link #unavailable()} says why). */
    public double of(List<ChatMessage> chat, String target) {
        if (unavailable != null) {
            return Double.NaN;
        }
        String prompt = FunctionChats.prompt(chat);
        ScoredText scored;
        try {
            scored = model.score(prompt + target + ChatSerialization.END_OF_TURN, 0);
        } catch (TextModelException e) {
            if (e.status() == 400) {
                throw e; // the request itself is wrong (too long for the model): the caller reports the item
            }
            unavailable = "prob is NaN: " + model.name() + " cannot score text (" + e.getMessage() + ")";
            return Double.NaN;
        }
        double logp = 0;
        for (ScoredText.ScoredToken t : scored.tokens()) {
            // every token that reaches past the prompt belongs to the reply
            if (t.offset() + t.text().length() > prompt.length()) {
                if (t.logprob() == null) {
                    return Double.NaN;
                }
                logp += t.logprob();
            }
        }
        return Math.exp(logp);
    }

    /** Why prob could not be computed, or null. */
    public String unavailable() {
        return unavailable;
    }
}
