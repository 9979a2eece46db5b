package io.github.promptscope.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent-event stream as the OpenAI API uses it: {@code data: {json}\n\n} per chunk and
 * {@code data: [DONE]\n\n} at the end. Each event is flushed at once. Written straight to the
 * servlet response (not through Javalin's result), so nothing buffers or compresses it. Chunks may
 * come from the model thread while it generates, comments from the request thread; writes do not interleave.
 */
final class Sse {

    private final ObjectMapper json;
    private final OutputStream stream;

    private Sse(ObjectMapper json, OutputStream stream) {
        this.json = json;
        this.stream = stream;
    }

    static Sse open(HttpServletResponse res, ObjectMapper json) throws IOException {
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("utf-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        Sse sse = new Sse(json, res.getOutputStream());
        res.flushBuffer();
        return sse;
    }

    /** A comment line: ignored by clients, but a write that fails tells that the client left. */
    void comment(String text) throws IOException {
        write(": " + text + "\n\n");
    }

    void send(ObjectNode event) throws IOException {
        write("data: " + json.writeValueAsString(event) + "\n\n");
    }

    void done() throws IOException {
        write("data: [DONE]\n\n");
    }

    /** Sends a chunk from inside a generation: a client that left becomes {@link ClientGone}, which stops it. */
    void sendLive(ObjectNode event) {
        try {
            send(event);
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    /** The client of a stream went away while its answer was being generated. */
    static final class ClientGone extends RuntimeException {
        ClientGone(IOException cause) {
            super("the streaming client went away", cause);
        }
    }

    /** Synchronized: the model thread sends chunks while the request thread sends its waiting comments. */
    private synchronized void write(String s) throws IOException {
        stream.write(s.getBytes(StandardCharsets.UTF_8));
        stream.flush();
    }
}
