package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.RemoteTextModel;
import io.github.promptscope.backend.TextModelException;
import io.github.promptscope.lm.DefaultModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.serve.OpenAiServer;
import io.github.promptscope.serve.ServerOptions;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The all-at-once simulator on {@code serve} (echoed prompt, top-15 logprobs) against the same
 * simulator on the same model locally (logits at the value slots), on the neurons model (trained to
 * simulate, so the values are among its top alternatives at the slots; the default model's are far
 * below its top 15, and an endpoint then reads no distribution at all); digits split, so 10 is "1"
 * then "0" and takes the second request.
 */
class EndpointSimulatorTest {

    private static LanguageModel lm;
    /** Three 24-token excerpts of the generated corpus and a synthetic neuron that fires on digits. */
    private static List<ActivationRecord> records;

    @BeforeAll
    static void load() {
        System.setProperty("promptscope.progress", "off");
        lm = LanguageModel.load(DefaultModel.locate().resolveSibling("neurons"));
        records = new ArrayList<>();
        for (ActivationRecord r : LmExplainerTest.digitNeuron(lm, 3)) {
            records.add(new ActivationRecord(r.tokens().subList(0, 24), Arrays.copyOf(r.activations(), 24)));
        }
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void servedSimulationGivesTheLocalScoreUpToTopFifteenTruncation() {
        List<List<String>> excerpts = records.stream().map(ActivationRecord::tokens).toList();
        String explanation = "digits and numbers";
        List<Simulation> local = new AllAtOnceSimulator(lm, FewShotExamples.forModel(lm.dir())).simulate(explanation, excerpts);
        List<Simulation> remote;
        try (OpenAiServer server = OpenAiServer.start(new LocalTextModel(lm), ServerOptions.defaults().withPort(0));
                RemoteTextModel endpoint = RemoteTextModel.connect(RemoteTextModel.Options.fromEnvironment()
                        .withBaseUrl(server.baseUrl()).withApiKey(null).withTimeout(Duration.ofSeconds(120))
                        .withMaxRetries(0))) {
            int positions = endpoint.contextLength().orElseThrow();
            assertEquals(lm.config().maxPositions(), positions, "serve lists the model's context");
            remote = new EndpointSimulator(endpoint, FewShotExamples.forModel(lm.dir()), lm.tokenizer(), positions)
                    .simulate(explanation, excerpts);
        }
        // Both read the same logits (serve tokenizes the text as the local simulator encodes its pieces,
        // and p(10) comes from the second request as from the local second pass). What differs is the
        // top-15 truncation: a value outside a slot's 15 alternatives is missing from the endpoint's
        // distribution. So at each slot the endpoint's distribution must be the local one restricted to
        // the values it returned and renormalized, up to float rounding (logits through JSON): 1e-6.
        double worst = 0;
        int slots = 0;
        int whole = 0;
        int compared = 0; // slots with two values or more returned: a distribution to compare
        for (int e = 0; e < excerpts.size(); e++) {
            for (int t = 0; t < excerpts.get(e).size(); t++) {
                double[] p = remote.get(e).probabilities()[t];
                double[] q = local.get(e).probabilities()[t];
                assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
                double kept = 0;
                int returned = 0;
                for (int v = 0; v < p.length; v++) {
                    kept += p[v] > 0 ? q[v] : 0;
                    returned += p[v] > 0 ? 1 : 0;
                }
                for (int v = 0; v < p.length; v++) {
                    worst = Math.max(worst, Math.abs(p[v] - (p[v] > 0 ? q[v] / kept : 0)));
                }
                slots++;
                whole += returned == p.length ? 1 : 0;
                compared += returned >= 2 ? 1 : 0;
            }
        }
        System.out.printf("served simulation: all 11 values among the top 15 at %d of %d slots, two or more at %d%n",
                whole, slots, compared);
        assertTrue(worst < 1e-6, "largest probability difference from the truncated local distribution " + worst);
        assertTrue(compared * 2 > slots, "two values or more among the top 15 at only " + compared + " of " + slots
                + " slots: too little is compared");
        double remoteScore = Scoring.score(records, remote).correlation();
        assertTrue(!Double.isNaN(remoteScore), "a defined correlation");
        if (whole == slots) { // nothing truncated (models/neurons): the served score is the local one
            assertEquals(Scoring.score(records, local).correlation(), remoteScore, 1e-6);
        }
    }

    @Test
    void anEndpointThatReturnsNoLogprobsIsNamed() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = ("{\"id\":\"c\",\"object\":\"text_completion\",\"created\":0,\"model\":\"m\",\"choices\":"
                + "[{\"index\":0,\"text\":\"x\",\"finish_reason\":\"length\",\"logprobs\":null}]}")
                .getBytes(StandardCharsets.UTF_8);
        fake.createContext("/v1/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        fake.start();
        String url = "http://127.0.0.1:" + fake.getAddress().getPort() + "/v1";
        try (RemoteTextModel endpoint = RemoteTextModel.connect(RemoteTextModel.Options.fromEnvironment()
                .withBaseUrl(url).withModel("m").withApiKey(null).withMaxRetries(0))) {
            EndpointSimulator sim = new EndpointSimulator(endpoint, List.of(), lm.tokenizer(), 256);
            TextModelException e = assertThrows(TextModelException.class,
                    () -> sim.simulate("digits", List.of(records.get(0).tokens())));
            assertTrue(e.getMessage().contains(url + "/completions") && e.getMessage().contains("logprobs"),
                    e.getMessage());
        } finally {
            fake.stop(0);
        }
    }
}
