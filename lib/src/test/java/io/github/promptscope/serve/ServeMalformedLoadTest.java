package io.github.promptscope.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.lm.LanguageModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 32 concurrent clients x 20 requests against {@code serve} of the default model, every other one
 * malformed: bodies that are not JSON or are cut short (in the JSON, or below their Content-Length on
 * the wire), fields of the wrong type, an unknown model, logprobs above 20, a huge n, an empty
 * prompt list, a body over the size limit. Every malformed request gets its 4xx as an OpenAI error
 * object naming the field at fault (none for a body that is not a JSON object), every valid one
 * exactly the answer it gets alone, and the server keeps serving.
 */
class ServeMalformedLoadTest {

    private static final int CLIENTS = 32;
    private static final int PER_CLIENT = 20;
    /** A hang guard, not a speed check (483 s on the 2 cores at load 16). */
    private static final Duration LIMIT = Duration.ofMinutes(15);
    private static final Duration REQUEST_WAIT = Servers.LOADED_REQUEST_WAIT;

    /**
     * A request that must be refused: its status and the {@code param} the error names (null for
     * the body as a whole). {@code declaredLength} above the body's length sends it raw, cut short.
     */
    record Malformed(String route, String body, int status, String param, int declaredLength) {
        Malformed(String route, String body, int status, String param) {
            this(route, body, status, param, -1);
        }
    }

    private static List<Malformed> malformed() {
        String c = "/v1/completions";
        return List.of(
                new Malformed(c, "{not json", 400, null),
                new Malformed(c, "{\"prompt\": \"Add the two num", 400, null),
                new Malformed(c, "{\"prompt\": \"hi\", \"max_tokens\": 4", 400, null),
                new Malformed(c, "{\"prompt\": \"hi\", \"max_tokens\": 4}", 400, null, 200),
                new Malformed(c, "[\"hi\"]", 400, null),
                new Malformed(c, "{\"prompt\": \"hi\", \"max_tokens\": \"ten\"}", 400, "max_tokens"),
                new Malformed(c, "{\"prompt\": 5}", 400, "prompt"),
                new Malformed(c, "{\"prompt\": \"hi\", \"temperature\": [0]}", 400, "temperature"),
                new Malformed(c, "{\"prompt\": \"hi\", \"echo\": \"yes\"}", 400, "echo"),
                new Malformed(c, "{\"model\": \"gpt-9\", \"prompt\": \"hi\"}", 404, "model"),
                new Malformed(c, "{\"prompt\": \"hi\", \"logprobs\": 21}", 400, "logprobs"),
                new Malformed(c, "{\"prompt\": \"hi\", \"n\": 1000000000}", 400, "n"),
                new Malformed(c, "{\"prompt\": [\"a\", \"b\", \"c\", \"d\"], \"n\": 20, \"max_tokens\": 1}", 400, "n"),
                new Malformed(c, "{\"prompt\": []}", 400, "prompt"),
                new Malformed(c, "{\"prompt\": \"\"}", 400, "prompt"),
                new Malformed(c, "{\"prompt\": \"" + "x".repeat((1 << 20) + 10) + "\"}", 413, null),
                new Malformed("/v1/chat/completions", "{\"messages\": \"hi\"}", 400, "messages"),
                new Malformed("/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],"
                        + " \"max_tokens\": -3}", 400, "max_tokens"),
                new Malformed("/v1/embeddings", "{\"input\": [\"a\", 3]}", 400, "input"));
    }

    @Test
    void malformedRequestsAmongValidOnesGetNamedErrorsAndTheValidOnesTheirSoloAnswers() throws Exception {
        try (LanguageModel lm = LanguageModel.loadDefault(); OpenAiServer server = Servers.serve(lm, null)) {
            List<String[]> valid = ServeLoadTest.requests();
            List<JsonNode> alone = new ArrayList<>();
            for (String[] r : valid) {
                Servers.Reply reply = Servers.post(server, r[0], r[1], null);
                assertEquals(200, reply.status(), reply.body());
                alone.add(reply.json().path("choices"));
            }
            List<Malformed> bad = malformed();
            for (Malformed m : bad) {
                check(m, send(server, m)); // alone first: a failure here names the case plainly
            }
            List<int[]> counts = Servers.concurrently(CLIENTS, LIMIT, client -> () -> {
                int[] mine = new int[2];
                for (int i = 0; i < PER_CLIENT; i++) {
                    if ((client + i) % 2 == 0) {
                        int which = (client * 7 + i) % valid.size();
                        Servers.Reply reply = Servers.post(server, valid.get(which)[0], valid.get(which)[1], null,
                                REQUEST_WAIT);
                        assertEquals(200, reply.status(), reply.body());
                        assertEquals(alone.get(which), reply.json().path("choices"),
                                "client " + client + " request " + i + ": " + valid.get(which)[1]);
                        mine[0]++;
                    } else {
                        Malformed m = bad.get((client * 5 + i) % bad.size());
                        check(m, send(server, m));
                        mine[1]++;
                    }
                }
                return mine;
            });
            int good = counts.stream().mapToInt(c -> c[0]).sum();
            int refused = counts.stream().mapToInt(c -> c[1]).sum();
            assertEquals(CLIENTS * PER_CLIENT / 2, good);
            assertEquals(CLIENTS * PER_CLIENT / 2, refused);
            // still serving, and still giving the same answers
            assertEquals(200, Servers.get(server, "/health", null).status());
            Servers.Reply after = Servers.post(server, valid.get(0)[0], valid.get(0)[1], null);
            assertEquals(alone.get(0), after.json().path("choices"));
            System.out.printf("serve malformed load: %d clients x %d requests: %d answered as alone, %d refused"
                    + " with named errors%n", CLIENTS, PER_CLIENT, good, refused);
        }
    }

    private static void check(Malformed m, Servers.Reply reply) {
        String what = m.route() + " " + abbreviated(m.body()) + " -> " + abbreviated(reply.body());
        assertEquals(m.status(), reply.status(), what);
        JsonNode e = reply.json().path("error");
        assertTrue(e.path("message").isTextual() && !e.path("message").asText().isBlank(), what);
        assertEquals("invalid_request_error", e.path("type").asText(), what);
        assertTrue(e.has("param") && e.has("code"), "an OpenAI error object has param and code: " + what);
        if (m.param() == null) {
            assertTrue(e.path("param").isNull(), what);
        } else {
            assertEquals(m.param(), e.path("param").asText(), what);
        }
        assertFalse(reply.body().contains("\tat "), "no stack trace: " + what);
    }

    private static Servers.Reply send(OpenAiServer server, Malformed m) {
        try {
            return m.declaredLength() < 0 ? Servers.post(server, m.route(), m.body(), null, REQUEST_WAIT)
                    : cutShort(server, m);
        } catch (RuntimeException e) {
            throw new AssertionError("no answer to " + m.route() + " " + abbreviated(m.body()) + ": " + e, e);
        }
    }

    /**
     * Sends the body with a Content-Length larger than the body and half-closes the connection, as a
     * client that died mid-upload (or a proxy that dropped bytes) does; reads what the server answers.
     */
    private static Servers.Reply cutShort(OpenAiServer server, Malformed m) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            s.setSoTimeout((int) REQUEST_WAIT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(("POST " + m.route() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + m.declaredLength() + "\r\nConnection: close\r\n\r\n" + m.body())
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            s.shutdownOutput();
            return parse(readAll(s.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** Status and body of a raw HTTP/1.1 answer (a body sent whole or in chunks). */
    private static Servers.Reply parse(String raw) {
        int headerEnd = raw.indexOf("\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 ") && headerEnd > 0, "an HTTP answer: " + abbreviated(raw));
        int status = Integer.parseInt(raw.substring(9, 12));
        String headers = raw.substring(0, headerEnd).toLowerCase();
        String body = raw.substring(headerEnd + 4);
        if (headers.contains("transfer-encoding: chunked")) {
            StringBuilder b = new StringBuilder();
            int at = 0;
            while (true) {
                int eol = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
                if (size == 0) {
                    break;
                }
                b.append(body, eol + 2, eol + 2 + size);
                at = eol + 2 + size + 2;
            }
            body = b.toString();
        }
        return new Servers.Reply(status, body);
    }

    private static String abbreviated(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "... (" + s.length() + " chars)";
    }
}
