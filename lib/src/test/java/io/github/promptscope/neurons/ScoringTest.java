package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.util.Correlation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores against values computed by OpenAI's scoring.py (numpy), and the three-way neuron scores. */
class ScoringTest {

    @Test
    void scoresEqualScoringPyOnTheFixtureVectors() throws Exception {
        JsonNode scores;
        try (InputStream in = ScoringTest.class.getResourceAsStream("/neurons/prompt_fixtures.json")) {
            scores = new ObjectMapper().readTree(in).get("scores");
        }
        double[] truth = array(scores.get("true"));
        int cases = 0;
        for (var it = scores.get("cases").fields(); it.hasNext(); cases++) {
            var c = it.next();
            double[] predicted = array(c.getValue().get("predicted"));
            assertEquals(c.getValue().get("correlation").asDouble(), Correlation.pearson(truth, predicted), 1e-12, c.getKey());
            assertEquals(c.getValue().get("rsquared").asDouble(), Scoring.rSquared(truth, predicted), 1e-12, c.getKey());
            assertEquals(c.getValue().get("absolute_dev_explained").asDouble(),
                    Scoring.absoluteDevExplained(truth, predicted), 1e-12, c.getKey());
        }
        assertEquals(3, cases);
    }

    @Test
    void correlationKnownValues() {
        assertEquals(0.8, Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}), 1e-15);
        assertEquals(-1.0, Correlation.pearson(new double[] {1, 2, 3}, new double[] {6, 4, 2}), 0.0);
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 2, 3}, new double[] {5, 5, 5})),
                "a constant simulation has no correlation (reported as null)");
    }

    @Test
    void aNeuronIsScoredOverConcatenatedActivationsNotAMeanOfExcerpts() {
        // each excerpt alone correlates perfectly (r = 1); together the offsets disagree
        List<ActivationRecord> records = List.of(record(0, 1, 2), record(10, 11, 12));
        List<Simulation> sims = List.of(sim(records.get(0), 5, 6, 7), sim(records.get(1), 0, 1, 2));
        Scoring.Score s = Scoring.score(records, sims);
        double expected = Correlation.pearson(new double[] {0, 1, 2, 10, 11, 12}, new double[] {5, 6, 7, 0, 1, 2});
        assertEquals(expected, s.correlation(), 0.0);
        assertEquals(-0.8881246823594386, s.correlation(), 1e-12); // numpy.corrcoef on the same vectors
    }

    @Test
    void topRandomAndBothFromOneSimulationOfTheValidSplit() {
        List<ActivationRecord> top = new ArrayList<>();
        List<ActivationRecord> random = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            top.add(record(0, 4 - 0.1 * i, 0.5, -0.2));
        }
        for (int i = 0; i < 15; i++) {
            random.add(record(0.05 * i, 0, 0.3 - 0.02 * i, 0));
        }
        NeuronRecord r = NeuronRecord.of(new NeuronId(1, 9), top, random);
        double max = r.maxActivation();
        NeuronSimulator oracle = (explanation, excerpts) -> {
            List<Simulation> out = new ArrayList<>();
            for (List<String> tokens : excerpts) {
                ActivationRecord a = find(r, tokens);
                double[] ev = new double[a.size()];
                for (int t = 0; t < ev.length; t++) {
                    ev[t] = 10 * Math.max(0, a.activation(t)) / max;
                }
                out.add(new Simulation(tokens, ev, new double[ev.length][11]));
            }
            return out;
        };
        NeuronScores s = NeuronScores.of(r, "the second token", oracle, 5);
        assertEquals(10, s.simulations().size());
        assertTrue(s.topAndRandom().correlation() > 0.99, "oracle: " + s.topAndRandom());
        assertTrue(s.topOnly().correlation() > 0.99, "oracle: " + s.topOnly());
        NeuronSimulator constant = (explanation, excerpts) -> excerpts.stream()
                .map(t -> new Simulation(t, new double[t.size()], new double[t.size()][11])).toList();
        NeuronScores none = NeuronScores.of(r, "nothing", constant, 5);
        assertTrue(Double.isNaN(none.topAndRandom().correlation()));
        assertTrue(none.toJson().contains("\"top_and_random\" : null"), none.toJson());
    }

    private static ActivationRecord find(NeuronRecord r, List<String> tokens) {
        List<ActivationRecord> all = new ArrayList<>(r.mostPositive());
        all.addAll(r.randomSample());
        return all.stream().filter(a -> a.tokens().equals(tokens)).findFirst().orElseThrow();
    }

    private static int counter;

    /** A record with distinct token strings, so excerpts can be told apart by their tokens. */
    private static ActivationRecord record(double... activations) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < activations.length; i++) {
            tokens.add(" t" + counter++);
        }
        return new ActivationRecord(tokens, activations);
    }

    private static Simulation sim(ActivationRecord of, double... ev) {
        return new Simulation(of.tokens(), ev, new double[ev.length][11]);
    }

    private static double[] array(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
