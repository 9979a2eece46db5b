package io.github.promptscope.cli;

import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.serve.OpenAiServer;
import io.github.promptscope.serve.ServerOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a checkpoint as an OpenAI-compatible endpoint: /v1/models, /v1/completions (echo, logprobs),",
                "/v1/chat/completions, /v1/embeddings, /health; streaming with stream=true. Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 exposes the model).")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Require 'Authorization: Bearer KEY' on every route but /health (default: none).")
    String apiKey;

    @Option(names = "--max-tokens", defaultValue = "1024",
            description = "Most new tokens one choice may ask for (default ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--threads", defaultValue = "1",
            description = {"PyTorch threads per request (default ${DEFAULT-VALUE}). Requests run one at a time and are",
                    "small, so more threads mostly spin against other processes; raise it for big models on idle cores."})
    int threads;

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        // Read once, when the engine starts (at the model's load), so it must be set before that.
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in 0..65535, got " + port);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("--max-tokens must be >= 1, got " + maxTokens);
        }
        ServerOptions options = ServerOptions.defaults().withHost(host).withPort(port).withApiKey(apiKey)
                .withMaxTokens(maxTokens);
        CountDownLatch stopped = new CountDownLatch(1);
        try (LocalTextModel lm = new LocalTextModel(model.load())) {
            if (lm.chatTemplate().note() != null) {
                System.err.println("serve: note: " + lm.chatTemplate().note());
            }
            System.err.println("serve: chat uses " + (lm.chatTemplate().isPlain()
                    ? "the plain template (\"role: content\\n\" per message, then \"assistant:\")"
                    : "the checkpoint's chat template"));
            try (OpenAiServer server = OpenAiServer.start(lm, options)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    stopped.countDown();
                }));
                System.out.println("serving " + lm.name() + " (" + lm.maxPositions() + " positions) at "
                        + server.baseUrl() + (apiKey == null ? "" : " (API key required)"));
                System.out.flush();
                stopped.await();
            }
            lm.model().close();
        }
        return 0;
    }
}
