package io.github.promptscope.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.backend.ChatRequest;
import io.github.promptscope.backend.CompletionRequest;
import io.github.promptscope.backend.GeneratedText;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.Sampling;
import io.github.promptscope.backend.ScoredText.ScoredToken;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/completions} and {@code POST /v1/chat/completions}, whole or streamed.
 *
 * <p>Streaming sends one server-sent event per token, but only once the generation has finished:
 * the runtime's {@code generate} has no per-token callback. While a request waits for the model,
 * a comment line goes out every 200 ms, which is how a client that went away is noticed and its
 * request cancelled.
 */
final class CompletionRoutes {

    /** Prompts times choices in one request: bounded so one request cannot hold the model for long. */
    private static final int MAX_CHOICES = 64;

    private final OpenAiServer server;
    private final LocalTextModel model;
    private final ResponseJson out;

    CompletionRoutes(OpenAiServer server) {
        this.server = server;
        this.model = server.model;
        this.out = server.responses;
    }

    void completions(Context ctx) throws Exception {
        RequestFields f = server.fields(ctx);
        List<String> prompts = f.strings("prompt", MAX_CHOICES);
        if (prompts.isEmpty()) {
            throw ApiError.invalid("'prompt' is required: a string or a list of strings", "prompt");
        }
        int maxTokens = f.integer("max_tokens", 16, 0, server.options.maxTokens());
        Sampling s = sampling(f, maxTokens, 1.0);
        int n = f.integer("n", 1, 1, CompletionRequest.MAX_N);
        Integer logprobs = f.integer("logprobs", null, 0, CompletionRequest.MAX_LOGPROBS);
        boolean echo = f.bool("echo", false);
        boolean stream = f.bool("stream", false);
        boolean usageInStream = includeUsage(f);
        if (prompts.size() * n > MAX_CHOICES) {
            throw ApiError.invalid("prompts x n is at most " + MAX_CHOICES + ", got " + prompts.size() * n, "n");
        }
        for (String p : prompts) {
            server.checkLength(p, maxTokens, "prompt");
        }
        // A stream is cut at token boundaries, which the logprobs carry; they are dropped if not asked for.
        Integer wanted = stream && logprobs == null ? Integer.valueOf(0) : logprobs;
        List<CompletionRequest> requests = new ArrayList<>();
        for (String p : prompts) {
            requests.add(new CompletionRequest(p, s, n, wanted, echo));
        }
        List<List<GeneratedText>> results = server.onModel(ctx, stream, () -> {
            List<List<GeneratedText>> r = new ArrayList<>();
            for (CompletionRequest q : requests) {
                r.add(model.complete(q));
            }
            return r;
        });
        if (results == null) {
            return; // the client went away
        }
        String id = OpenAiServer.newId("cmpl-");
        long created = System.currentTimeMillis() / 1000;
        int promptTokens = 0;
        int completionTokens = 0;
        for (List<GeneratedText> r : results) {
            promptTokens += r.get(0).promptTokens();
            for (GeneratedText g : r) {
                completionTokens += g.completionTokens();
            }
        }
        if (!stream) {
            ObjectNode body = out.envelope(id, "text_completion", created);
            ArrayNode choices = body.putArray("choices");
            int index = 0;
            for (List<GeneratedText> r : results) {
                for (GeneratedText g : r) {
                    ObjectNode c = choices.addObject();
                    c.put("index", index++);
                    c.put("text", g.text());
                    c.set("logprobs", g.logprobs() == null ? null : out.logprobs(g.logprobs()));
                    c.put("finish_reason", g.finishReason());
                }
            }
            body.set("usage", out.usage(promptTokens, completionTokens));
            server.sendJson(ctx, 200, body);
            return;
        }
        Sse sse = server.sse(ctx);
        int index = 0;
        for (int p = 0; p < results.size(); p++) {
            String prompt = prompts.get(p);
            for (GeneratedText g : results.get(p)) {
                List<ScoredToken> tokens = g.logprobs().tokens();
                int echoed = echo ? Math.min(g.promptTokens(), tokens.size()) : 0;
                if (echo) {
                    sse.send(completionChunk(id, created, index, prompt,
                            logprobs == null ? null : tokens.subList(0, echoed), null));
                }
                int base = echo ? prompt.length() : 0;
                String generated = g.text().substring(base);
                for (TextChunks.Chunk c : TextChunks.split(generated, tokens.subList(echoed, tokens.size()), base)) {
                    sse.send(completionChunk(id, created, index, c.text(),
                            logprobs == null || c.token() == null ? null : List.of(c.token()), null));
                }
                sse.send(completionChunk(id, created, index, "", null, g.finishReason()));
                index++;
            }
        }
        if (usageInStream) {
            ObjectNode u = out.envelope(id, "text_completion", created);
            u.putArray("choices");
            u.set("usage", out.usage(promptTokens, completionTokens));
            sse.send(u);
        }
        sse.done();
    }

    private ObjectNode completionChunk(String id, long created, int index, String text, List<ScoredToken> tokens,
            String finish) {
        ObjectNode o = out.envelope(id, "text_completion", created);
        ObjectNode c = o.putArray("choices").addObject();
        c.put("index", index);
        c.put("text", text);
        c.set("logprobs", tokens == null ? null : out.logprobs(tokens));
        c.put("finish_reason", finish);
        return o;
    }

    void chat(Context ctx) throws Exception {
        RequestFields f = server.fields(ctx);
        List<ChatMessage> messages = messages(f);
        Integer asked = f.has("max_completion_tokens")
                ? f.integer("max_completion_tokens", null, 1, server.options.maxTokens())
                : f.integer("max_tokens", null, 1, server.options.maxTokens());
        Sampling s = sampling(f, asked == null ? 1 : asked, 1.0);
        int n = f.integer("n", 1, 1, CompletionRequest.MAX_N);
        boolean stream = f.bool("stream", false);
        boolean usageInStream = includeUsage(f);
        if (f.bool("logprobs", false)) {
            throw ApiError.invalid("chat logprobs are not supported here; use /v1/completions with logprobs", "logprobs");
        }
        server.checkLength(model.chatTemplate().render(messages), asked == null ? 1 : asked, "messages");
        List<GeneratedText> results = server.onModel(ctx, stream, () -> {
            Sampling sampling = s;
            if (asked == null) {
                // No limit asked: as much as the model's positions and the server's limit allow.
                int used = model.countTokens(model.chatTemplate().render(messages));
                sampling = s.withMaxTokens(Math.max(1, Math.min(server.options.maxTokens(), model.maxPositions() - used)));
            }
            return model.complete(model.chatCompletion(new ChatRequest(messages, sampling), n, 0));
        });
        if (results == null) {
            return;
        }
        String id = OpenAiServer.newId("chatcmpl-");
        long created = System.currentTimeMillis() / 1000;
        int completionTokens = results.stream().mapToInt(GeneratedText::completionTokens).sum();
        int promptTokens = results.get(0).promptTokens();
        if (!stream) {
            ObjectNode body = out.envelope(id, "chat.completion", created);
            ArrayNode choices = body.putArray("choices");
            for (int i = 0; i < results.size(); i++) {
                ObjectNode c = choices.addObject();
                c.put("index", i);
                ObjectNode m = c.putObject("message");
                m.put("role", "assistant");
                m.put("content", results.get(i).text().stripLeading());
                c.putNull("logprobs");
                c.put("finish_reason", results.get(i).finishReason());
            }
            body.set("usage", out.usage(promptTokens, completionTokens));
            server.sendJson(ctx, 200, body);
            return;
        }
        Sse sse = server.sse(ctx);
        for (int i = 0; i < results.size(); i++) {
            GeneratedText g = results.get(i);
            ObjectNode first = chatChunk(id, created, i, null);
            first.withObject("/choices/0/delta").put("role", "assistant").put("content", "");
            sse.send(first);
            // The reply drops the space the plain template leaves after "assistant:"; so do its chunks.
            int skip = g.text().length() - g.text().stripLeading().length();
            for (TextChunks.Chunk c : TextChunks.split(g.text(), g.logprobs().tokens(), 0)) {
                String piece = c.text();
                int cut = Math.min(skip, piece.length());
                skip -= cut;
                if (piece.length() > cut) {
                    ObjectNode chunk = chatChunk(id, created, i, null);
                    chunk.withObject("/choices/0/delta").put("content", piece.substring(cut));
                    sse.send(chunk);
                }
            }
            sse.send(chatChunk(id, created, i, g.finishReason()));
        }
        if (usageInStream) {
            ObjectNode u = out.envelope(id, "chat.completion.chunk", created);
            u.putArray("choices");
            u.set("usage", out.usage(promptTokens, completionTokens));
            sse.send(u);
        }
        sse.done();
    }

    private ObjectNode chatChunk(String id, long created, int index, String finish) {
        ObjectNode o = out.envelope(id, "chat.completion.chunk", created);
        ObjectNode c = o.putArray("choices").addObject();
        c.put("index", index);
        c.putObject("delta");
        c.putNull("logprobs");
        c.put("finish_reason", finish);
        return o;
    }

    private static Sampling sampling(RequestFields f, int maxTokens, double defaultTemperature) {
        double temperature = f.number("temperature", defaultTemperature, 0, false, 2);
        double topP = f.number("top_p", 1.0, 0, true, 1);
        // top_k is vLLM's extension; -1 there means no limit, as 0 does here.
        int topK = Math.max(0, f.integer("top_k", 0, -1, Integer.MAX_VALUE));
        List<String> stop = f.strings("stop", 4);
        return new Sampling(maxTokens, temperature, topP, topK, stop, f.longValue("seed"));
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
                throw ApiError.invalid("each message needs a role of system, developer, user or assistant", "messages");
            }
            JsonNode content = m.path("content");
            String text;
            if (content.isTextual()) {
                text = content.asText();
            } else if (content.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode part : content) {
                    if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                        throw ApiError.invalid("only text content parts are supported", "messages");
                    }
                    sb.append(part.path("text").asText());
                }
                text = sb.toString();
            } else {
                throw ApiError.invalid("each message needs content: a string or a list of text parts", "messages");
            }
            String r = role.asText().equals("developer") ? "system" : role.asText();
            out.add(new ChatMessage(r, text));
        }
        return out;
    }
}
