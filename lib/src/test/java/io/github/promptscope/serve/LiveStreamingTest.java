package io.github.promptscope.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.lm.Generation;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.LanguageModel;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streaming as it is generated: the runtime tells a listener of every token, {@code serve} sends
 * each chunk from inside the generation, and a client that leaves stops it. Timing is asserted by
 * counting tokens (the server's {@code tokensStreamed}), never by the clock.
 */
class LiveStreamingTest {

    /** A long completion (the model has 256 positions); rows never end early ({@code ignore_eos}). */
    private static final int TOKENS = 200;
    /** The streamed-and-compared completion (one row, generated twice: whole and streamed). */
    private static final int STREAMED = 150;
    private static final int N = 2;
    private static LanguageModel lm;
    private static OpenAiServer server;

    @BeforeAll
    static void start() {
        lm = LanguageModel.loadDefault();
        server = Servers.serve(lm, null);
    }

    @AfterAll
    static void stop() {
        server.close();
        lm.close();
    }

    @Test
    void theListenerHearsEveryTokenInOrderAndChangesNothing() {
        GenerationConfig cfg = GenerationConfig.builder().maxNewTokens(20).temperature(0.9).seed(4).numSamples(2)
                .stopAtEos(false).build();
        List<Generation> plain = lm.generate(List.of("Once upon a time"), cfg);
        List<List<Long>> heard = List.of(new ArrayList<>(), new ArrayList<>());
        List<String> lastText = new ArrayList<>(List.of("", ""));
        List<Generation> told = lm.generate(List.of("Once upon a time"), cfg, (row, generated, token, text, finished) -> {
            heard.get(row).add(token);
            assertEquals(heard.get(row).size(), generated, "the count of row " + row);
            assertFalse(finished);
            lastText.set(row, text);
        });
        for (int row = 0; row < 2; row++) {
            assertArrayEquals(plain.get(row).tokens(), told.get(row).tokens(), "a listener changes no token");
            assertEquals(20, heard.get(row).size());
            assertArrayEquals(plain.get(row).tokens(), heard.get(row).stream().mapToLong(Long::longValue).toArray());
            assertEquals(plain.get(row).text(), lastText.get(row), "the last text heard is the answer");
        }
    }

    @Test
    void theFirstChunkArrivesWhileTheRestIsStillBeingGenerated() throws Exception {
        String body = "{\"prompt\": \"Once upon a time\", \"max_tokens\": " + STREAMED
                + ", \"temperature\": 1, \"seed\": 11, \"ignore_eos\": true";
        JsonNode whole = Servers.post(server, "/v1/completions", body + "}", null).json();
        assertEquals(STREAMED, whole.at("/usage/completion_tokens").asInt());

        long before = server.tokensStreamed();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/completions"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body + ", \"stream\": true}")).build();
        HttpResponse<InputStream> r = Servers.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        StringBuilder text = new StringBuilder();
        long atFirstChunk = -1;
        int chunks = 0;
        boolean done = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("data: [DONE]")) {
                    done = true;
                } else if (line.startsWith("data: ")) {
                    JsonNode c = Servers.JSON.readTree(line.substring(6)).path("choices").get(0);
                    String piece = c.path("text").asText();
                    if (!piece.isEmpty() && atFirstChunk < 0) {
                        atFirstChunk = server.tokensStreamed() - before;
                    }
                    text.append(piece);
                    chunks++;
                }
            }
        }
        assertTrue(done, "the stream ends with data: [DONE]");
        assertTrue(atFirstChunk >= 1 && atFirstChunk < STREAMED,
                "the first chunk came while generating: " + atFirstChunk + " of " + STREAMED + " tokens made");
        assertEquals(STREAMED, server.tokensStreamed() - before, "every token was streamed");
        assertTrue(chunks > STREAMED / 2, "about one chunk per token: " + chunks);
        assertEquals(whole.at("/choices/0/text").asText(), text.toString(), "the stream joins to the whole answer");
    }

    @Test
    void aStreamingClientThatLeavesStopsTheGeneration() throws Exception {
        long before = server.tokensStreamed();
        long cancelledBefore = server.requestsCancelled();
        String body = "{\"prompt\": \"Once upon a time\", \"max_tokens\": " + TOKENS + ", \"n\": " + N
                + ", \"temperature\": 1, \"ignore_eos\": true, \"stream\": true}";
        long atLeave;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream o = s.getOutputStream();
            o.write(("POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            o.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line = in.readLine();
            while (line != null && !(line.startsWith("data: {") && line.contains("\"text\":\"") && !line.contains("\"text\":\"\""))) {
                line = in.readLine();
            }
            atLeave = server.tokensStreamed() - before;
        } // the client leaves after its first chunk
        long deadline = System.currentTimeMillis() + 10_000;
        while (server.requestsCancelled() == cancelledBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(cancelledBefore + 1, server.requestsCancelled(), "the stream was cancelled");
        Thread.sleep(300); // a cancelled generation that went on would be counted by now
        long made = server.tokensStreamed() - before;
        assertTrue(atLeave < TOKENS * N, "left after " + atLeave + " tokens");
        assertTrue(made < TOKENS * N, "the generation stopped: " + made + " of " + TOKENS * N + " tokens made");
        // Still serving.
        assertEquals(200, Servers.post(server, "/v1/completions", "{\"prompt\": \"hi\", \"max_tokens\": 2}", null).status());
    }

    @Test
    void extensionFieldsGiveTheLocalBatchedGeneration() {
        long[][] prompts = {lm.tokenizer().encode("Data:\n\nadd 2 and 3"), lm.tokenizer().encode("Prompt: Return")};
        GenerationConfig cfg = GenerationConfig.builder().maxNewTokens(12).minNewTokens(12).temperature(1.0).topK(50)
                .topP(0.95).repetitionPenalty(2.0).bannedTexts(List.of("\n", "\n\n")).seed(-7_123_456_789L).numSamples(2)
                .stopAtEos(false).build();
        List<Generation> local = lm.generateFromIds(List.of(prompts), cfg);
        String body = "{\"prompt\": " + Servers.JSON.valueToTree(prompts) + ", \"max_tokens\": 12, \"min_tokens\": 12,"
                + " \"ignore_eos\": true, \"temperature\": 1.0, \"top_k\": 50, \"top_p\": 0.95, \"repetition_penalty\": 2.0,"
                + " \"bad_words\": [\"\\n\", \"\\n\\n\"], \"seed\": -7123456789, \"n\": 2, \"batch\": true,"
                + " \"return_token_ids\": true}";
        Servers.Reply r = Servers.post(server, "/v1/completions", body, null);
        assertEquals(200, r.status(), r.body());
        JsonNode choices = r.json().path("choices");
        assertEquals(4, choices.size());
        for (int i = 0; i < 4; i++) {
            JsonNode c = choices.get(i);
            long[] ids = new long[c.path("token_ids").size()];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = c.path("token_ids").get(t).asLong();
            }
            assertEquals(12, ids.length, "exactly 12 tokens");
            assertArrayEquals(local.get(i).tokens(), ids, "row " + i);
            assertEquals(local.get(i).text(), c.path("text").asText());
            assertFalse(c.path("text").asText().contains("\n"), "newlines are banned");
        }
        assertEquals(prompts[0].length + prompts[1].length, r.json().at("/usage/prompt_tokens").asInt());
        assertEquals(48, r.json().at("/usage/completion_tokens").asInt());
        // Out-of-vocabulary ids and a batch that asks to stream are refused.
        assertEquals(400, Servers.post(server, "/v1/completions", "{\"prompt\": [[1, 99999999]]}", null).status());
        assertEquals(400, Servers.post(server, "/v1/completions",
                "{\"prompt\": [\"a\", \"b\"], \"batch\": true, \"stream\": true}", null).status());
    }
}
