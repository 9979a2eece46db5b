package io.github.promptscope.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.backend.ChatRequest;
import io.github.promptscope.backend.CompletionRequest;
import io.github.promptscope.backend.GeneratedText;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.RemoteTextModel;
import io.github.promptscope.backend.Sampling;
import io.github.promptscope.backend.TextModelException;
import io.github.promptscope.lm.LanguageModel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code serve} of the default model on a loopback port: the routes, the errors, streaming, cancellation. */
class ServeTest {

    private static final String KEY = "test-key-123";
    private static LanguageModel lm;
    private static LocalTextModel local;
    private static OpenAiServer server;
    private static OpenAiServer guarded;

    @BeforeAll
    static void start() {
        lm = LanguageModel.loadDefault();
        local = new LocalTextModel(lm);
        server = Servers.serve(lm, null);
        guarded = Servers.serve(lm, KEY);
    }

    @AfterAll
    static void stop() {
        server.close();
        guarded.close();
        lm.close();
    }

    @Test
    void chatAndEmbeddingsRoundTrip() {
        try (RemoteTextModel remote = Servers.client(server, null)) {
            assertEquals("default", remote.name(), "the model name comes from /v1/models");
            ChatRequest chat = ChatRequest.of(Sampling.greedy(12), ChatMessage.system("You add numbers."),
                    ChatMessage.user("Given the input numbers 2 and 4, the answer is"));
            GeneratedText there = remote.chat(chat);
            GeneratedText here = local.chat(chat);
            assertEquals(here.text(), there.text());
            assertEquals(here.finishReason(), there.finishReason());
            assertEquals(here.promptTokens(), there.promptTokens());
            List<String> texts = List.of("Add the two numbers.", "Return the first letter");
            List<float[]> a = remote.embed(texts);
            List<float[]> b = local.embed(texts);
            assertEquals(2, a.size());
            for (int i = 0; i < 2; i++) {
                assertEquals(lm.config().hiddenSize(), a.get(i).length);
                assertArrayEquals(b.get(i), a.get(i), 1e-6f);
            }
        }
    }

    @Test
    /**
     * Greedy completions with logprobs: each chosen token is its position's most likely one, so its
     * logprob is the largest of the top 5. The time is printed for the README (speed is measured,
     * never asserted: a loaded machine must not fail a test).
     */
    void greedyCompletionLogprobsPickTheTopAlternative() {
        String body = "{\"prompt\": \"Given the input numbers 2 and 4, the answer is\", \"max_tokens\": 16,"
                + " \"logprobs\": 5, \"temperature\": 0}";
        Servers.post(server, "/v1/completions", body, null); // warm-up
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            Servers.Reply r = Servers.post(server, "/v1/completions", body, null);
            best = Math.min(best, System.nanoTime() - t);
            assertEquals(200, r.status(), r.body());
            JsonNode lp = r.json().at("/choices/0/logprobs");
            assertEquals(lp.path("tokens").size(), lp.path("token_logprobs").size());
            assertEquals(5, lp.path("top_logprobs").get(0).size());
            for (int pos = 0; pos < lp.path("tokens").size(); pos++) {
                double chosen = lp.path("token_logprobs").get(pos).asDouble();
                double top = Double.NEGATIVE_INFINITY;
                for (java.util.Iterator<JsonNode> it = lp.path("top_logprobs").get(pos).elements(); it.hasNext(); ) {
                    top = Math.max(top, it.next().asDouble());
                }
                assertEquals(top, chosen, 1e-5, "token " + pos);
            }
        }
        System.out.printf("serve latency: completions, 16 tokens, logprobs 5, default model: best of 5 %.0f ms%n",
                best / 1e6);
    }

    @Test
    void streamingJoinsToTheWholeAnswer() {
        String base = "\"prompt\": \"Given the input x is 4, the output f(x) is\", \"max_tokens\": 8,"
                + " \"temperature\": 0.8, \"seed\": 5, \"n\": 2, \"echo\": true, \"logprobs\": 1";
        JsonNode whole = Servers.post(server, "/v1/completions", "{" + base + "}", null).json();
        Servers.Reply stream = Servers.post(server, "/v1/completions",
                "{" + base + ", \"stream\": true, \"stream_options\": {\"include_usage\": true}}", null);
        assertEquals(200, stream.status());
        StringBuilder[] texts = {new StringBuilder(), new StringBuilder()};
        int tokens = 0;
        boolean done = false;
        JsonNode usage = null;
        for (String line : stream.body().split("\n")) {
            if (line.equals("data: [DONE]")) {
                done = true;
            } else if (line.startsWith("data: ")) {
                JsonNode chunk = new Servers.Reply(200, line.substring(6)).json();
                if (chunk.path("choices").isEmpty()) {
                    usage = chunk.path("usage");
                    continue;
                }
                JsonNode c = chunk.path("choices").get(0);
                texts[c.path("index").asInt()].append(c.path("text").asText());
                tokens += c.path("logprobs").path("tokens").size();
            }
        }
        assertTrue(done, "the stream ends with data: [DONE]");
        for (int i = 0; i < 2; i++) {
            assertEquals(whole.at("/choices/" + i + "/text").asText(), texts[i].toString(), "choice " + i);
        }
        assertEquals(whole.at("/choices/0/logprobs/tokens").size() + whole.at("/choices/1/logprobs/tokens").size(), tokens);
        assertEquals(whole.path("usage"), usage);

        String chat = "{\"messages\": [{\"role\": \"user\", \"content\": \"Add 2 and 3.\"}], \"max_tokens\": 10";
        String reply = Servers.post(server, "/v1/chat/completions", chat + "}", null).json()
                .at("/choices/0/message/content").asText();
        StringBuilder streamed = new StringBuilder();
        for (String line : Servers.post(server, "/v1/chat/completions", chat + ", \"stream\": true}", null).body().split("\n")) {
            if (line.startsWith("data: {")) {
                streamed.append(new Servers.Reply(200, line.substring(6)).json().at("/choices/0/delta/content").asText(""));
            }
        }
        assertEquals(reply, streamed.toString());
    }

    @Test
    void badRequestsGetOpenAiErrorsAndTheServerKeepsServing() {
        String longPrompt = "one two three ".repeat(200);
        String[][] cases = {
            {"{not json", null},
            {"[1, 2]", null},
            {"{\"prompt\": \"hi\", \"max_tokens\": \"ten\"}", "max_tokens"},
            {"{\"prompt\": 5}", "prompt"},
            {"{\"prompt\": [[1, 2.5]]}", "prompt"},
            {"{\"prompt\": [[1, 99999999]]}", "prompt"},
            {"{\"prompt\": \"hi\", \"repetition_penalty\": 0}", "repetition_penalty"},
            {"{\"prompt\": \"hi\", \"temperature\": \"hot\"}", "temperature"},
            {"{\"prompt\": \"hi\", \"echo\": 1}", "echo"},
            {"{\"prompt\": \"hi\", \"n\": 0}", "n"},
            {"{\"prompt\": \"hi\", \"n\": 21}", "n"},
            {"{\"prompt\": \"hi\", \"logprobs\": 21}", "logprobs"},
            {"{\"prompt\": \"hi\", \"logprobs\": -1}", "logprobs"},
            {"{\"prompt\": \"hi\", \"max_tokens\": 100000}", "max_tokens"},
            {"{\"prompt\": \"" + longPrompt + "\"}", "prompt"},
            {"{\"prompt\": \"hi\", \"max_tokens\": 256}", "prompt"},
            {"{\"prompt\": \"\"}", "prompt"},
            {"{\"prompt\": \"hi\", \"stop\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}", "stop"},
        };
        for (String[] c : cases) {
            Servers.Reply r = Servers.post(server, "/v1/completions", c[0], null);
            assertEquals(400, r.status(), c[0] + " -> " + r.body());
            assertOpenAiError(r.json(), c[1]);
            assertFalse(r.body().contains("\tat "), "no stack trace: " + r.body());
        }
        Servers.Reply chat = Servers.post(server, "/v1/chat/completions", "{\"messages\": [{\"role\": \"wizard\"}]}", null);
        assertEquals(400, chat.status());
        assertOpenAiError(chat.json(), "messages");
        Servers.Reply emb = Servers.post(server, "/v1/embeddings", "{\"input\": [\"a\", 3]}", null);
        assertEquals(400, emb.status());
        assertOpenAiError(emb.json(), "input");
        Servers.Reply wrongModel = Servers.post(server, "/v1/completions", "{\"model\": \"gpt-9\", \"prompt\": \"hi\"}", null);
        assertEquals(404, wrongModel.status());
        assertEquals("model_not_found", wrongModel.json().at("/error/code").asText());
        Servers.Reply big = Servers.post(server, "/v1/completions", "{\"prompt\": \"" + "x".repeat(2 << 20) + "\"}", null);
        assertEquals(413, big.status());
        assertOpenAiError(big.json(), null);
        assertEquals(404, Servers.get(server, "/v2/nothing", null).status());
        // Still serving.
        assertEquals(200, Servers.post(server, "/v1/completions", "{\"prompt\": \"hi\", \"max_tokens\": 2}", null).status());
    }

    @Test
    void apiKeyGuardsEveryRouteButHealth() {
        assertEquals(200, Servers.get(guarded, "/health", null).status());
        for (String route : List.of("/v1/models", "/v1/completions", "/v1/chat/completions", "/v1/embeddings")) {
            Servers.Reply r = route.equals("/v1/models") ? Servers.get(guarded, route, null)
                    : Servers.post(guarded, route, "{}", "wrong-key");
            assertEquals(401, r.status(), route);
            assertOpenAiError(r.json(), null);
            assertEquals("invalid_api_key", r.json().at("/error/code").asText());
        }
        assertEquals(200, Servers.get(guarded, "/v1/models", KEY).status());
        TextModelException e = assertThrows(TextModelException.class, () -> Servers.client(guarded, "wrong-key")
                .complete(CompletionRequest.of("hi", Sampling.greedy(1))));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains(guarded.baseUrl()), "the error names the endpoint: " + e.getMessage());
        try (RemoteTextModel ok = Servers.client(guarded, KEY)) {
            assertEquals(1, ok.complete(CompletionRequest.of("hi", Sampling.greedy(1))).size());
        }
    }

    @Test
    void scoringAgainstAnEndpointWithoutCompletionsSaysWhatItNeeds() {
        RemoteTextModel remote = RemoteTextModel.connect(RemoteTextModel.Options.fromEnvironment()
                .withBaseUrl("http://127.0.0.1:" + server.port() + "/chat-only").withModel("default").withMaxRetries(0));
        TextModelException e = assertThrows(TextModelException.class, () -> remote.score("Add two numbers", 1));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("scoring needs a completions endpoint with echo and logprobs"), e.getMessage());
        assertTrue(e.getMessage().contains("/chat-only/completions"), e.getMessage());
        remote.close();
    }

    /** A streaming client that leaves while queued is cancelled: its request never takes the model. */
    @Test
    void aClientThatLeavesGivesUpItsSlot() throws Exception {
        long ranBefore = server.requestsRun();
        long cancelledBefore = server.requestsCancelled();
        // Hold the model with one long request: long enough (20 x 200 tokens, the most n allows) that on a quiet machine it
        // is still running when the second client has sent its request and left (with n = 8 it once
        // finished first, and the second request ran).
        CompletableFuture<Servers.Reply> hold = CompletableFuture.supplyAsync(() -> Servers.post(server,
                "/v1/completions", "{\"prompt\": \"Once upon a time\", \"max_tokens\": 200, \"n\": 20,"
                        + " \"temperature\": 1, \"stop\": [\"zzzz\"]}", null));
        while (server.requestsRun() == ranBefore && !hold.isDone()) {
            Thread.sleep(5);
        }
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            String body = "{\"prompt\": \"hi\", \"max_tokens\": 5, \"stream\": true}";
            OutputStream o = s.getOutputStream();
            o.write(("POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = s.getInputStream();
            byte[] head = new byte[12];
            assertEquals(12, in.readNBytes(head, 0, 12));
            assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));
        } // the client leaves while the model is busy
        assertEquals(200, hold.get().status());
        long deadline = System.currentTimeMillis() + 10_000;
        while (server.requestsCancelled() == cancelledBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(cancelledBefore + 1, server.requestsCancelled(), "the streaming request was cancelled");
        assertEquals(ranBefore + 1, server.requestsRun(), "only the long request ran");
    }

    private static void assertOpenAiError(JsonNode body, String param) {
        JsonNode e = body.path("error");
        assertTrue(e.isObject(), body.toString());
        assertTrue(e.path("message").isTextual() && !e.path("message").asText().isEmpty(), body.toString());
        assertTrue(e.path("type").isTextual(), body.toString());
        assertTrue(e.has("param") && e.has("code"), body.toString());
        if (param != null) {
            assertEquals(param, e.path("param").asText(), body.toString());
        }
    }
}
