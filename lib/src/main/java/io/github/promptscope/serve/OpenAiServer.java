package io.github.promptscope.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.TextModelException;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible HTTP server for one local model, on Javalin 7 (Jetty 12): {@code GET /v1/models},
 * {@code POST /v1/completions}, {@code POST /v1/chat/completions}, {@code POST /v1/embeddings},
 * {@code GET /health}. Jetty threads parse and validate; the model runs on one worker thread
 * ({@link ModelWorker}). Every rejection is an OpenAI error object; unexpected failures are logged
 * here and answered with a 500 that carries no stack trace.
 */
public final class OpenAiServer implements AutoCloseable {

    private static final AtomicLong IDS = new AtomicLong();
    private static final int MAX_EMBED_INPUTS = 256;

    final LocalTextModel model;
    final ServerOptions options;
    final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    final ResponseJson responses;
    final ModelWorker worker;
    private final byte[] expectedAuth;
    private final long started = System.currentTimeMillis() / 1000;
    private final Javalin app;
    private final AtomicLong tokensStreamed = new AtomicLong();

    private OpenAiServer(LocalTextModel model, ServerOptions options) {
        this.model = model;
        this.options = options;
        this.responses = new ResponseJson(json, model.name());
        this.worker = new ModelWorker(options.maxQueue());
        this.expectedAuth = options.apiKey() == null ? null
                : ("Bearer " + options.apiKey()).getBytes(StandardCharsets.UTF_8);
        CompletionRoutes completions = new CompletionRoutes(this);
        this.app = Javalin.create(cfg -> {
            cfg.jetty.host = options.host();
            cfg.jetty.port = options.port();
            cfg.http.maxRequestSize = options.maxBodyBytes();
            // Compression would buffer server-sent events; the answers are small anyway.
            cfg.http.compressionStrategy = CompressionStrategy.NONE;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.routes.before(this::authorize);
            cfg.routes.get("/health", ctx -> sendJson(ctx, 200, json.createObjectNode().put("status", "ok")));
            cfg.routes.get("/v1/models", this::models);
            cfg.routes.post("/v1/completions", completions::completions);
            cfg.routes.post("/v1/chat/completions", completions::chat);
            cfg.routes.post("/v1/embeddings", this::embeddings);
            cfg.routes.exception(ApiError.class, (e, ctx) -> sendError(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> sendError(ctx, fromJavalin(e)));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("serve: " + ctx.method() + " " + ctx.path() + " failed:");
                e.printStackTrace();
                sendError(ctx, new ApiError(500, "server_error", "internal error (" + e.getClass().getSimpleName()
                        + "); the server log has the details", null, null));
            });
        });
    }

    /** Starts serving {@code model}; {@link #close()} stops the server (the model stays the caller's). */
    public static OpenAiServer start(LocalTextModel model, ServerOptions options) {
        OpenAiServer s = new OpenAiServer(model, options);
        s.app.start();
        return s;
    }

    public int port() {
        return app.port();
    }

    /** The base URL a client takes, e.g. {@code http://127.0.0.1:8000/v1}. */
    public String baseUrl() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port() + "/v1";
    }

    /** Requests the model thread has started, and requests cancelled because their client left. */
    public long requestsRun() {
        return worker.ran.get();
    }

    public long requestsCancelled() {
        return worker.cancelled.get();
    }

    /** Tokens generated so far by streaming requests (each counted as the model produces it). */
    public long tokensStreamed() {
        return tokensStreamed.get();
    }

    void tokenStreamed() {
        tokensStreamed.incrementAndGet();
    }

    private void authorize(Context ctx) {
        if (expectedAuth == null || ctx.path().equals("/health")) {
            return;
        }
        String header = ctx.header("Authorization");
        byte[] got = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(got, expectedAuth)) { // constant time: no key guessing by timing
            throw ApiError.unauthorized();
        }
    }

    private void models(Context ctx) {
        ObjectNode body = json.createObjectNode().put("object", "list");
        ObjectNode m = body.putArray("data").addObject();
        m.put("id", model.name());
        m.put("object", "model");
        m.put("created", started);
        m.put("owned_by", "promptscope");
        m.put("max_model_len", model.maxPositions());
        sendJson(ctx, 200, body);
    }

    /** {@code POST /v1/embeddings}: the mean over tokens of the final hidden state (after the last norm). */
    private void embeddings(Context ctx) throws Exception {
        RequestFields f = fields(ctx);
        List<String> inputs = f.strings("input", MAX_EMBED_INPUTS);
        if (inputs.isEmpty()) {
            throw ApiError.invalid("'input' is required: a string or a list of strings", "input");
        }
        String format = f.string("encoding_format", "float");
        if (!format.equals("float") && !format.equals("base64")) {
            throw ApiError.invalid("'encoding_format' must be float or base64", "encoding_format");
        }
        for (int i = 0; i < inputs.size(); i++) {
            checkLength(inputs.get(i), 0, "input");
        }
        List<float[]> vectors = onModel(ctx, false, () -> model.embed(inputs));
        int tokens = 0;
        for (String s : inputs) {
            tokens += model.countTokens(s);
        }
        ObjectNode body = json.createObjectNode().put("object", "list");
        ArrayNode data = body.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            ObjectNode e = data.addObject().put("object", "embedding").put("index", i);
            float[] v = vectors.get(i);
            if (format.equals("base64")) {
                // Little-endian float32, as the OpenAI API and its Python client decode it.
                ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                e.put("embedding", Base64.getEncoder().encodeToString(b.array()));
            } else {
                ArrayNode a = e.putArray("embedding");
                for (float x : v) {
                    a.add(x);
                }
            }
        }
        body.put("model", model.name());
        body.set("usage", json.createObjectNode().put("prompt_tokens", tokens).put("total_tokens", tokens));
        sendJson(ctx, 200, body);
    }

    /**
     * Rejects a text the model has no room for, before it waits for the model (a stream cannot turn
     * into a 400 once its first event is out). The tokenizer is safe to call from any thread.
     */
    void checkLength(String text, int newTokens, String param) {
        int n = model.countTokens(text);
        if (n == 0) {
            throw ApiError.invalid("'" + param + "' is empty; give at least one token of text", param);
        }
        if (n + newTokens > model.maxPositions()) {
            throw ApiError.invalid("'" + param + "' has " + n + " tokens" + (newTokens > 0 ? " and max_tokens is "
                    + newTokens : "") + ", but the model has " + model.maxPositions() + " positions", param);
        }
    }

    /** Rejects a prompt of token ids outside the vocabulary or longer than the model's positions. */
    void checkTokens(long[] ids, int newTokens, String param) {
        for (long id : ids) {
            if (id < 0 || id >= model.vocabSize()) {
                throw ApiError.invalid("'" + param + "' has token id " + id + ", outside the vocabulary (0.."
                        + (model.vocabSize() - 1) + ")", param);
            }
        }
        if (ids.length + newTokens > model.maxPositions()) {
            throw ApiError.invalid("'" + param + "' has " + ids.length + " tokens" + (newTokens > 0 ? " and max_tokens is "
                    + newTokens : "") + ", but the model has " + model.maxPositions() + " positions", param);
        }
    }

    /** The request body as fields: 400 unless it is one JSON object; 413 above the size limit. */
    RequestFields fields(Context ctx) {
        byte[] body = body(ctx);
        if (body.length > options.maxBodyBytes()) {
            throw new ApiError(413, "invalid_request_error", "the body is larger than " + options.maxBodyBytes()
                    + " bytes", null, "request_too_large");
        }
        RequestFields f = RequestFields.parse(body);
        String asked = f.string("model", null);
        if (asked != null && !asked.equals(model.name())) {
            throw new ApiError(404, "invalid_request_error", "the model '" + asked + "' does not exist; this server"
                    + " serves '" + model.name() + "'", "model", "model_not_found");
        }
        return f;
    }

    /**
     * The body's bytes. One that ends before its Content-Length (a client that died mid-upload) is a
     * 400 naming the length, not a 500: Jetty reports it as an early end of input.
     */
    private static byte[] body(Context ctx) {
        try {
            return ctx.bodyAsBytes();
        } catch (Exception e) { // Javalin rethrows Jetty's checked EofException undeclared
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.io.IOException) {
                    throw ApiError.invalid("the body was cut short: it ended before its Content-Length of "
                            + ctx.req().getContentLengthLong() + " bytes", null);
                }
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code job} on the model thread. For a stream the event stream opens first and a comment
     * goes out while the request waits (and the job may send chunks as it generates, through
     * {@link Sse#sendLive}); an error then arrives as an error event. Returns null when
     * the answer has been sent already (an error event) or the client went away.
     */
    <T> T onModel(Context ctx, boolean stream, Callable<T> job) throws Exception {
        if (!stream) {
            try {
                return worker.run(job, options.requestTimeout(), () -> {});
            } catch (TextModelException | IllegalArgumentException e) {
                throw asApiError(e);
            }
        }
        Sse sse = Sse.open(ctx.res(), json);
        ctx.attribute("sse", sse);
        try {
            return worker.run(job, options.requestTimeout(), () -> sse.comment("waiting for the model"));
        } catch (Sse.ClientGone e) {
            worker.cancelled.incrementAndGet(); // a chunk could not be sent: the generation stopped there
            return null;
        } catch (ApiError | TextModelException | IllegalArgumentException e) {
            sse.send(asApiError(e).toJson(json));
            sse.done();
            return null;
        }
    }

    Sse sse(Context ctx) {
        return ctx.attribute("sse");
    }

    private static ApiError asApiError(RuntimeException e) {
        if (e instanceof ApiError a) {
            return a;
        }
        if (e instanceof TextModelException t) {
            return ApiError.invalid(t.getMessage(), t.param());
        }
        return ApiError.invalid(e.getMessage(), null);
    }

    private static ApiError fromJavalin(HttpResponseException e) {
        int status = e.getStatus();
        String type = status >= 500 ? "server_error" : "invalid_request_error";
        String message = switch (status) {
            case 404 -> "no such route; this server has /v1/models, /v1/completions, /v1/chat/completions,"
                    + " /v1/embeddings and /health";
            case 405 -> "method not allowed on this route";
            case 413 -> "the request body is too large";
            default -> e.getMessage();
        };
        return new ApiError(status, type, message, null, status == 404 ? "not_found" : null);
    }

    void sendJson(Context ctx, int status, ObjectNode body) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sendError(Context ctx, ApiError e) {
        if (ctx.res().isCommitted()) {
            return; // a stream already started: nothing more can be said on it
        }
        sendJson(ctx, e.status, e.toJson(json));
    }

    static String newId(String prefix) {
        return prefix + Long.toHexString(System.nanoTime()) + Long.toHexString(IDS.incrementAndGet());
    }

    @Override
    public void close() {
        app.stop();
        worker.close();
    }
}
