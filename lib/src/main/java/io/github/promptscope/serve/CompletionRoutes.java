package io.github.promptscope.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.backend.ChatRequest;
import io.github.promptscope.backend.ChatTemplate;
import io.github.promptscope.backend.CompletionRequest;
import io.github.promptscope.backend.GeneratedText;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.Sampling;
import io.github.promptscope.backend.ScoredText.ScoredToken;
import io.github.promptscope.backend.TextModelException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/completions} and {@code POST /v1/chat/completions}, whole or streamed.
 *
 * <p>Streaming sends a server-sent event as each token is generated (from the model thread,
 * through the runtime's per-token listener); only with {@code logprobs}, which come from a pass
 * over the finished text, do the chunks follow the generation. While a request waits, a comment
 * line goes out every 200 ms; a failed write (comment or chunk) means the client went away, and
 * the request is cancelled: queued, it never runs; running, it stops at its next token.
 *
 * <p>Extension fields of {@code /v1/completions} (vLLM's names where vLLM has them):
 * {@code top_k}, {@code repetition_penalty}, {@code min_tokens}, {@code ignore_eos},
 * {@code bad_words}, {@code return_token_ids} (each choice gets {@code token_ids}), and
 * {@code batch} (a list of prompts generated as one batch, as {@code LanguageModel.generate} does,
 * so row seeds and numbers equal a local batched generation).
 */
final class CompletionRoutes {

    private final OpenAiServer server;
    private final LocalTextModel model;
    private final ResponseJson out;

    CompletionRoutes(OpenAiServer server) {
        this.server = server;
        this.model = server.model;
        this.out = server.responses;
    }

    void completions(Context ctx) throws Exception {
        RequestParams.Completion params = RequestParams.completion(server.fields(ctx), server.options.maxTokens());
        List<Object> prompts = params.prompts();
        int maxTokens = params.maxTokens();
        Sampling s = params.sampling();
        int n = params.n();
        Integer logprobs = params.logprobs();
        boolean echo = params.echo();
        boolean stream = params.stream();
        boolean batch = params.batch();
        boolean tokenIds = params.tokenIds();
        // Streamed with logprobs, the chunks follow the finished generation, cut at the tokens' offsets;
        // without, each chunk goes out as its token is generated.
        boolean live = stream && logprobs == null;
        Integer wanted = logprobs;
        List<CompletionRequest> requests = new ArrayList<>();
        for (Object p : prompts) {
            if (p instanceof long[] ids) {
                server.checkTokens(ids, maxTokens, "prompt");
                requests.add(new CompletionRequest(model.decode(ids), s, n, wanted, echo, ids, tokenIds));
            } else {
                server.checkLength((String) p, maxTokens, "prompt");
                requests.add(new CompletionRequest((String) p, s, n, wanted, echo, null, tokenIds));
            }
        }
        String id = OpenAiServer.newId("cmpl-");
        long created = System.currentTimeMillis() / 1000;
        StreamedText[] texts = new StreamedText[requests.size() * n];
        List<List<GeneratedText>> results = server.onModel(ctx, stream, () -> {
            if (batch) {
                return model.completeBatch(requests);
            }
            List<List<GeneratedText>> r = new ArrayList<>();
            for (int p = 0; p < requests.size(); p++) {
                CompletionRequest q = requests.get(p);
                if (!live) {
                    r.add(model.complete(q));
                    continue;
                }
                Sse sse = server.sse(ctx);
                int first = p * n;
                for (int j = 0; j < n; j++) {
                    texts[first + j] = new StreamedText(s.stop());
                    if (echo) {
                        sse.sendLive(completionChunk(id, created, first + j, q.prompt(), null, null));
                    }
                }
                r.add(model.complete(q, (row, generated, token, text, finished) -> {
                    server.tokenStreamed();
                    String delta = texts[first + row].advance(text, finished);
                    if (!delta.isEmpty()) {
                        sse.sendLive(completionChunk(id, created, first + row, delta, null, null));
                    }
                }));
            }
            return r;
        });
        if (results == null) {
            return; // the client went away
        }
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
                    if (tokenIds) {
                        ArrayNode ids = c.putArray("token_ids");
                        for (long t : g.tokenIds()) {
                            ids.add(t);
                        }
                    }
                }
            }
            body.set("usage", out.usage(promptTokens, completionTokens));
            server.sendJson(ctx, 200, body);
            return;
        }
        Sse sse = server.sse(ctx);
        int index = 0;
        for (int p = 0; p < results.size(); p++) {
            String prompt = requests.get(p).prompt();
            for (GeneratedText g : results.get(p)) {
                int base = echo ? prompt.length() : 0;
                String generated = g.text().substring(base);
                if (live) {
                    String rest = texts[index].finish(generated);
                    if (!rest.isEmpty()) {
                        sse.send(completionChunk(id, created, index, rest, null, null));
                    }
                } else {
                    List<ScoredToken> tokens = g.logprobs().tokens();
                    int echoed = echo ? Math.min(g.promptTokens(), tokens.size()) : 0;
                    if (echo) {
                        sse.send(completionChunk(id, created, index, prompt, tokens.subList(0, echoed), null));
                    }
                    for (TextChunks.Chunk c : TextChunks.split(generated, tokens.subList(echoed, tokens.size()), base)) {
                        sse.send(completionChunk(id, created, index, c.text(), c.token() == null ? null : List.of(c.token()),
                                null));
                    }
                }
                sse.send(completionChunk(id, created, index, "", null, g.finishReason()));
                index++;
            }
        }
        endStream(sse, params.usageInStream(), out.envelope(id, "text_completion", created), promptTokens,
                completionTokens);
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
        RequestParams.Chat params = RequestParams.chat(server.fields(ctx), server.options.maxTokens());
        List<ChatMessage> messages = params.messages();
        Integer asked = params.maxTokens();
        Sampling s = params.sampling();
        int n = params.n();
        boolean stream = params.stream();
        ChatTemplate template = model.chatTemplate();
        String prompt;
        try {
            prompt = template.render(messages);
        } catch (TextModelException e) {
            throw ApiError.invalid(e.getMessage(), e.param()); // the template's raise_exception, or its failure
        }
        server.checkLength(prompt, asked == null ? 1 : asked, "messages");
        String id = OpenAiServer.newId("chatcmpl-");
        long created = System.currentTimeMillis() / 1000;
        StreamedText[] texts = new StreamedText[n];
        List<GeneratedText> results = server.onModel(ctx, stream, () -> {
            Sampling sampling = s;
            if (asked == null) {
                // No limit asked: as much as the model's positions and the server's limit allow.
                int used = model.countTokens(prompt);
                sampling = s.withMaxTokens(Math.max(1, Math.min(server.options.maxTokens(), model.maxPositions() - used)));
            }
            CompletionRequest q = model.chatCompletion(new ChatRequest(messages, sampling), n, null);
            if (!stream) {
                return model.complete(q);
            }
            Sse sse = server.sse(ctx);
            for (int i = 0; i < n; i++) {
                texts[i] = new StreamedText(q.sampling().stop());
                ObjectNode first = chatChunk(id, created, i, null);
                first.withObject("/choices/0/delta").put("role", "assistant").put("content", "");
                sse.sendLive(first);
            }
            // The plain template's reply drops the space left after "assistant:"; so do its chunks.
            return model.complete(q, (row, generated, token, text, finished) -> {
                server.tokenStreamed();
                String delta = texts[row].advance(template.reply(text), finished);
                if (!delta.isEmpty()) {
                    sse.sendLive(chatDelta(id, created, row, delta));
                }
            });
        });
        if (results == null) {
            return;
        }
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
                m.put("content", template.reply(results.get(i).text()));
                c.putNull("logprobs");
                c.put("finish_reason", results.get(i).finishReason());
            }
            body.set("usage", out.usage(promptTokens, completionTokens));
            server.sendJson(ctx, 200, body);
            return;
        }
        Sse sse = server.sse(ctx);
        for (int i = 0; i < results.size(); i++) {
            String rest = texts[i].finish(template.reply(results.get(i).text()));
            if (!rest.isEmpty()) {
                sse.send(chatDelta(id, created, i, rest));
            }
            sse.send(chatChunk(id, created, i, results.get(i).finishReason()));
        }
        endStream(sse, params.usageInStream(), out.envelope(id, "chat.completion.chunk", created), promptTokens,
                completionTokens);
    }

    /** Ends a stream: the usage chunk (empty choices) when the client asked for it, then [DONE]. */
    private void endStream(Sse sse, boolean usageInStream, ObjectNode usageEnvelope, int promptTokens,
            int completionTokens) throws IOException {
        if (usageInStream) {
            usageEnvelope.putArray("choices");
            usageEnvelope.set("usage", out.usage(promptTokens, completionTokens));
            sse.send(usageEnvelope);
        }
        sse.done();
    }

    private ObjectNode chatDelta(String id, long created, int index, String content) {
        ObjectNode chunk = chatChunk(id, created, index, null);
        chunk.withObject("/choices/0/delta").put("content", content);
        return chunk;
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
}
