package io.github.promptscope.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.lm.LanguageModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 32 concurrent clients x 20 requests each against {@code serve} of the default model, on loopback:
 * every request succeeds and every answer equals the answer the same request got alone, so nothing
 * was interleaved on the model. Requests are greedy or seeded (repeatable), with logprobs and echo
 * in the mix, and kept short so the test stays bounded in time. It runs PyTorch on one thread, as
 * {@code serve} does by default: with 32 client threads and Jetty's on two cores, OpenMP workers
 * spin-waiting for a core made each request several times slower.
 */
class ServeLoadTest {

    private static final int CLIENTS = 32;
    private static final int PER_CLIENT = 20;
    /** A hang guard, not a speed check: 640 requests on one model thread took over 4 minutes on the 2 cores at load 16. */
    private static final Duration LIMIT = Duration.ofMinutes(15);

    /** The valid requests of both load tests: greedy or seeded, so each has one right answer. */
    static List<String[]> requests() {
        String[] prompts = {"Given the input numbers 2 and 4, the answer is", "Given the input x is 4, the output f(x) is",
            "Input: candle Answer:", "Add the two numbers", "Data:\n\n", "Return the sum of"};
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String p = prompts[i % prompts.length].replace("\n", "\\n");
            String sampling = i % 2 == 0 ? "\"temperature\": 0" : "\"temperature\": 0.9, \"seed\": " + i;
            String extra = switch (i % 4) {
                case 0 -> ", \"logprobs\": 3";
                case 1 -> ", \"n\": 2";
                case 2 -> ", \"echo\": true, \"logprobs\": 1";
                default -> ", \"stop\": [\".\"]";
            };
            String route = i % 8 == 7 ? "/v1/chat/completions" : "/v1/completions";
            String body = route.endsWith("chat/completions")
                    ? "{\"messages\": [{\"role\": \"user\", \"content\": \"" + p + "\"}], \"max_tokens\": 4, " + sampling + "}"
                    : "{\"prompt\": \"" + p + "\", \"max_tokens\": " + (2 + i % 3) + ", " + sampling + extra + "}";
            out.add(new String[] {route, body});
        }
        return out;
    }

    @Test
    void concurrentClientsGetTheAnswersTheyGetAlone() throws Exception {
        // no change to PyTorch's process-wide thread count here: other tests share this JVM's engine
        try (LanguageModel lm = LanguageModel.loadDefault(); OpenAiServer server = Servers.serve(lm, null)) {
            run(server);
        }
    }

    private static void run(OpenAiServer server) throws Exception {
        List<String[]> requests = requests();
        List<JsonNode> alone = new ArrayList<>();
        for (String[] r : requests) {
            Servers.Reply reply = Servers.post(server, r[0], r[1], null);
            assertEquals(200, reply.status(), reply.body());
            alone.add(reply.json().path("choices"));
        }
        long start = System.nanoTime();
        List<Integer> answered = Servers.concurrently(CLIENTS, LIMIT, client -> () -> {
            for (int i = 0; i < PER_CLIENT; i++) {
                int which = (client * 7 + i) % requests.size();
                Servers.Reply reply = Servers.post(server, requests.get(which)[0], requests.get(which)[1], null,
                        Servers.LOADED_REQUEST_WAIT);
                assertEquals(200, reply.status(), reply.body());
                assertEquals(alone.get(which), reply.json().path("choices"),
                        "client " + client + " request " + i + ": " + requests.get(which)[1]);
            }
            return PER_CLIENT;
        });
        int done = answered.stream().mapToInt(Integer::intValue).sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(CLIENTS * PER_CLIENT, done);
        System.out.printf("serve load: %d clients x %d requests = %d answers, all equal to their solo answers,"
                + " in %.1f s (%.1f requests/s)%n", CLIENTS, PER_CLIENT, done, seconds, done / seconds);
    }
}
