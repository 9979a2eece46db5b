package io.github.promptscope.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.backend.CompletionRequest;
import io.github.promptscope.backend.Sampling;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of {@code /v1/completions} and {@code /v1/chat/completions}, read and checked: every
 * check that needs no model (types, ranges, fields that exclude each other). Kept apart from the
 * routes so the parsing can be tested, and fuzzed, without a server or a model.
 */
final class RequestParams {

    /** Prompts times choices in one request: bounded so one request cannot hold the model for long. */
    static final int MAX_CHOICES = 64;
    private static final int MAX_BAD_WORDS = 64;

    private RequestParams() {
    }

    /** A completions body; each prompt is a {@code String} or a {@code long[]} of token ids. */
    record Completion(List<Object> prompts, int maxTokens, Sampling sampling, int n, Integer logprobs, boolean echo,
                      boolean stream, boolean usageInStream, boolean batch, boolean tokenIds) {}

    /** A chat body; {@code maxTokens} is null when the client set no limit. */
    record Chat(List<ChatMessage> messages, Integer maxTokens, Sampling sampling, int n, boolean stream,
                boolean usageInStream) {}

    static Completion completion(RequestFields f, int maxTokensLimit) {
        List<Object> prompts = f.prompts("prompt", MAX_CHOICES);
        if (prompts.isEmpty()) {
            throw ApiError.invalid("'prompt' is required: a string, a list of strings, or token ids", "prompt");
        }
        int maxTokens = f.integer("max_tokens", 16, 0, maxTokensLimit);
        Sampling s = sampling(f, maxTokens, 1.0);
        int n = f.integer("n", 1, 1, CompletionRequest.MAX_N);
        Integer logprobs = f.integer("logprobs", null, 0, CompletionRequest.MAX_LOGPROBS);
        boolean echo = f.bool("echo", false);
        boolean stream = f.bool("stream", false);
        boolean usageInStream = includeUsage(f);
        boolean batch = f.bool("batch", false);
        boolean tokenIds = f.bool("return_token_ids", false);
        if (prompts.size() * n > MAX_CHOICES) {
            throw ApiError.invalid("prompts x n is at most " + MAX_CHOICES + ", got " + prompts.size() * n, "n");
        }
        if (batch && (stream || echo || logprobs != null)) {
            throw ApiError.invalid("'batch' takes no stream, echo or logprobs", "batch");
        }
        return new Completion(prompts, maxTokens, s, n, logprobs, echo, stream, usageInStream, batch, tokenIds);
    }

    static Chat chat(RequestFields f, int maxTokensLimit) {
        List<ChatMessage> messages = messages(f);
        Integer asked = f.has("max_completion_tokens")
                ? f.integer("max_completion_tokens", null, 1, maxTokensLimit)
                : f.integer("max_tokens", null, 1, maxTokensLimit);
        Sampling s = sampling(f, asked == null ? 1 : asked, 1.0);
        int n = f.integer("n", 1, 1, CompletionRequest.MAX_N);
        boolean stream = f.bool("stream", false);
        boolean usageInStream = includeUsage(f);
        if (f.bool("logprobs", false)) {
            throw ApiError.invalid("chat logprobs are not supported here; use /v1/completions with logprobs", "logprobs");
        }
        return new Chat(messages, asked, s, n, stream, usageInStream);
    }

    private static Sampling sampling(RequestFields f, int maxTokens, double defaultTemperature) {
        double temperature = f.number("temperature", defaultTemperature, 0, false, 2);
        double topP = f.number("top_p", 1.0, 0, true, 1);
        // top_k is vLLM's extension; -1 there means no limit, as 0 does here.
        int topK = Math.max(0, f.integer("top_k", 0, -1, Integer.MAX_VALUE));
        List<String> stop = f.strings("stop", 4);
        // The logits processors of LanguageModel.generate, under vLLM's names.
        double penalty = f.number("repetition_penalty", 1.0, 0, true, 100);
        int minTokens = f.integer("min_tokens", 0, 0, maxTokens);
        boolean ignoreEos = f.bool("ignore_eos", false);
        List<String> badWords = f.strings("bad_words", MAX_BAD_WORDS);
        return new Sampling(maxTokens, temperature, topP, topK, stop, f.longValue("seed"), penalty, minTokens, ignoreEos,
                badWords);
    }

    /** {@code stream_options.include_usage}: a last chunk with the usage and no choices. */
    private static boolean includeUsage(RequestFields f) {
        RequestFields options = f.object("stream_options");
        return options != null && options.bool("include_usage", false);
    }

    /** The conversation: role and content per message; content may be a string or a list of text parts. */
    private static List<ChatMessage> messages(RequestFields f) {
        JsonNode list = f.array("messages");
        if (list == null || list.isEmpty()) {
            throw ApiError.invalid("'messages' is required: a non-empty list of {role, content}", "messages");
        }
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : list) {
            JsonNode role = m.path("role");
            if (!role.isTextual() || !List.of("system", "developer", "user", "assistant").contains(role.asText())) {
                throw ApiError.invalid("'messages': each message needs a role of system, developer, user or assistant",
                        "messages");
            }
            JsonNode content = m.path("content");
            String text;
            if (content.isTextual()) {
                text = content.asText();
            } else if (content.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode part : content) {
                    if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                        throw ApiError.invalid("'messages': only text content parts are supported", "messages");
                    }
                    sb.append(part.path("text").asText());
                }
                text = sb.toString();
            } else {
                throw ApiError.invalid("'messages': each message needs content: a string or a list of text parts",
                        "messages");
            }
            String r = role.asText().equals("developer") ? "system" : role.asText();
            out.add(new ChatMessage(r, text));
        }
        return out;
    }
}
