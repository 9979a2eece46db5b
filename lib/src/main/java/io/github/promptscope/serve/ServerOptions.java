package io.github.promptscope.serve;

import java.time.Duration;

/**
 * How {@code serve} listens and what it accepts.
 *
 * @param host the address to bind; 127.0.0.1 keeps the model off the network
 * @param port 0 picks a free port (tests)
 * @param apiKey null: no authentication; else every route but /health needs {@code Bearer apiKey}
 * @param maxBodyBytes larger request bodies get 413
 * @param maxTokens the most new tokens one choice may ask for
 * @param maxQueue requests waiting for the model beyond this get 429 (the SDKs retry those)
 * @param requestTimeout a request still unanswered after this is cancelled with 503
 */
public record ServerOptions(String host, int port, String apiKey, long maxBodyBytes, int maxTokens, int maxQueue,
        Duration requestTimeout) {

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 8000, null, 1 << 20, 1024, 256, Duration.ofMinutes(5));
    }

    public ServerOptions withHost(String h) {
        return new ServerOptions(h, port, apiKey, maxBodyBytes, maxTokens, maxQueue, requestTimeout);
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(host, p, apiKey, maxBodyBytes, maxTokens, maxQueue, requestTimeout);
    }

    public ServerOptions withApiKey(String key) {
        return new ServerOptions(host, port, key, maxBodyBytes, maxTokens, maxQueue, requestTimeout);
    }

    public ServerOptions withMaxTokens(int n) {
        return new ServerOptions(host, port, apiKey, maxBodyBytes, n, maxQueue, requestTimeout);
    }

    public ServerOptions withMaxBodyBytes(long n) {
        return new ServerOptions(host, port, apiKey, n, maxTokens, maxQueue, requestTimeout);
    }
}
