package io.github.promptscope.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.RemoteTextModel;
import io.github.promptscope.lm.LanguageModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Test helpers: the parity fixtures, a server on a free loopback port, and raw HTTP calls. */
final class Servers {

    static final ObjectMapper JSON = new ObjectMapper();
    /** How long one request may wait behind every other client's on the one model thread under load (over 60 s was seen on a busy 2-core machine). */
    static final Duration LOADED_REQUEST_WAIT = Duration.ofMinutes(4);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Servers() {}

    static Path fixtures() {
        try {
            return Path.of(Servers.class.getResource("/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode reference() {
        try {
            return JSON.readTree(fixtures().resolve("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> fixtureList() {
        List<JsonNode> out = new ArrayList<>();
        reference().path("fixtures").forEach(out::add);
        return out;
    }

    static LanguageModel fixtureModel(JsonNode fixture) {
        return LanguageModel.load(fixtures().resolve(fixture.path("dir").asText()));
    }

    /** Serves {@code model} on a free 127.0.0.1 port. */
    static OpenAiServer serve(LanguageModel model, String apiKey) {
        return OpenAiServer.start(new LocalTextModel(model), ServerOptions.defaults().withPort(0).withApiKey(apiKey));
    }

    static RemoteTextModel client(OpenAiServer server, String apiKey) {
        return RemoteTextModel.connect(RemoteTextModel.Options.fromEnvironment().withBaseUrl(server.baseUrl())
                .withApiKey(apiKey).withTimeout(Duration.ofSeconds(60)).withMaxRetries(0));
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    static Reply post(OpenAiServer server, String route, String body, String apiKey) {
        return post(server, route, body, apiKey, Duration.ofSeconds(60));
    }

    /** With a longer wait, for load tests where a request queues behind every other client's. */
    static Reply post(OpenAiServer server, String route, String body, String apiKey, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(server, route)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return send(b.build());
    }

    static Reply get(OpenAiServer server, String route, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(server, route)).timeout(Duration.ofSeconds(60)).GET();
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return send(b.build());
    }

    private static URI uri(OpenAiServer server, String route) {
        return URI.create("http://127.0.0.1:" + server.port() + route);
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code clients} client loops at once, all released together, and waits at most {@code limit}
     * (clients still waiting then are interrupted and the test fails); returns each client's result.
     */
    static <T> List<T> concurrently(int clients, Duration limit, IntFunction<Callable<T>> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Callable<T> body = client.apply(c);
            futures.add(pool.submit(() -> {
                go.await();
                return body.call();
            }));
        }
        go.countDown();
        pool.shutdown();
        boolean finished = pool.awaitTermination(limit.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            pool.shutdownNow();
        }
        assertTrue(finished, "load test exceeded " + limit);
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }
}
