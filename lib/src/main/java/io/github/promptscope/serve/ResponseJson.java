package io.github.promptscope.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.ScoredText;
import io.github.promptscope.backend.ScoredText.Alternative;
import io.github.promptscope.backend.ScoredText.ScoredToken;
import java.util.List;

/** The OpenAI response objects this server writes, built as Jackson trees. */
final class ResponseJson {

    private final ObjectMapper json;
    private final String model;

    ResponseJson(ObjectMapper json, String model) {
        this.json = json;
        this.model = model;
    }

    /** The envelope every completion object and chunk shares. */
    ObjectNode envelope(String id, String object, long created) {
        ObjectNode o = json.createObjectNode();
        o.put("id", id);
        o.put("object", object);
        o.put("created", created);
        o.put("model", model);
        return o;
    }

    ObjectNode usage(int promptTokens, int completionTokens) {
        ObjectNode u = json.createObjectNode();
        u.put("prompt_tokens", promptTokens);
        u.put("completion_tokens", completionTokens);
        u.put("total_tokens", promptTokens + completionTokens);
        return u;
    }

    /**
     * The completions {@code logprobs} object for some tokens: parallel lists of tokens, their
     * log-probabilities, the top alternatives as {token: logprob} (null where nothing predicts the
     * token, as for the first echoed one), and each token's character offset in the whole text.
     */
    ObjectNode logprobs(List<ScoredToken> tokens) {
        ObjectNode o = json.createObjectNode();
        ArrayNode text = o.putArray("tokens");
        ArrayNode values = o.putArray("token_logprobs");
        ArrayNode top = o.putArray("top_logprobs");
        ArrayNode offsets = o.putArray("text_offset");
        for (ScoredToken t : tokens) {
            text.add(t.text());
            if (t.logprob() == null) {
                values.addNull();
                top.addNull();
            } else {
                values.add(t.logprob());
                ObjectNode alts = top.addObject();
                for (Alternative a : t.top()) {
                    if (!alts.has(a.text())) { // two ids may decode alike; the likelier one is kept
                        alts.put(a.text(), a.logprob());
                    }
                }
            }
            offsets.add(t.offset());
        }
        return o;
    }

    ObjectNode logprobs(ScoredText scored) {
        return logprobs(scored.tokens());
    }
}
