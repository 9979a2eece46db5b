package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.cli.CommandsTest.Run;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurons score --simulator URL} against an endpoint that answers completions without logprobs. */
class NeuronsRemoteSimulatorCommandTest {

    @Test
    void anEndpointWithoutLogprobsIsNamedByTheFlag(@TempDir Path dir) throws Exception {
        System.setProperty("promptscope.progress", "off");
        Path text = dir.resolve("text.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append("Given the input numbers ").append(i % 10).append(" and ").append(i % 7).append(".\n\n");
        }
        Files.writeString(text, sb.toString());
        Run rec = CommandsTest.run("neurons", "record", "--layer", "1", "--neurons", "3", "--out",
                dir.resolve("records").toString(), "--text", text.toString());
        assertEquals(0, rec.code(), rec.err());
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer(fake, "/v1/models", "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\",\"created\":0,"
                + "\"owned_by\":\"test\"}]}");
        answer(fake, "/v1/completions", "{\"id\":\"c\",\"object\":\"text_completion\",\"created\":0,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"text\":\"x\",\"finish_reason\":\"length\",\"logprobs\":null}]}");
        fake.start();
        String url = "http://127.0.0.1:" + fake.getAddress().getPort() + "/v1";
        try {
            Run score = CommandsTest.run("neurons", "score", "--records", dir.resolve("records").toString(), "--neuron",
                    "3", "--explanation", "digits", "--simulator", url);
            assertEquals(1, score.code(), score.out());
            assertTrue(score.err().contains("--simulator " + url + ": " + url + "/completions returned no logprobs"),
                    score.err());
        } finally {
            fake.stop(0);
        }
    }

    private static void answer(HttpServer server, String route, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(route, exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
