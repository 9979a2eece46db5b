package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits as OpenAI's interleaved slices, and records in OpenAI's JSON layout, both ways. */
class NeuronRecordTest {

    /** Excerpt i has the single token "t{i}" with activation i, so a split's activations name its indices. */
    private static List<ActivationRecord> numbered(int n, int offset) {
        List<ActivationRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ActivationRecord(List.of("t" + i), new double[] {offset + i}));
        }
        return out;
    }

    private static int[] indices(List<ActivationRecord> records, int offset) {
        return records.stream().mapToInt(r -> (int) r.activation(0) - offset).toArray();
    }

    @Test
    void splitsAreTheInterleavedSlicesOfTheReference() {
        NeuronRecord r = NeuronRecord.of(new NeuronId(2, 7), numbered(24, 0), numbered(16, 100));
        assertEquals(List.of(0, 4, 8, 12, 16), box(indices(r.train(5), 0)));
        assertEquals(List.of(2, 6, 10, 14, 18), box(indices(r.validTop(5), 0)));
        assertEquals(List.of(1, 4, 7, 10, 13), box(indices(r.validRandom(5), 100)));
        List<ActivationRecord> valid = r.valid(5);
        assertEquals(10, valid.size());
        assertEquals(List.of(2, 6, 10, 14, 18, 101, 104, 107, 110, 113), box(indices(valid, 0)));
        assertEquals(List.of(1, 5, 9, 13, 17, 100, 103, 106, 109, 112), box(indices(r.calibration(5), 0)));
        assertEquals(List.of(3, 7, 11, 15, 19, 102, 105, 108, 111, 114), box(indices(r.test(5), 0)));
        assertEquals(23.0, r.maxActivation());
    }

    @Test
    void tooFewExcerptsForTheSplitsIsAnErrorThatSaysHowMany() {
        NeuronRecord r = NeuronRecord.of(new NeuronId(0, 1), numbered(19, 0), numbered(15, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.train(5));
        assertTrue(e.getMessage().contains("has 19 top-activating excerpts") && e.getMessage().contains("needs 20"),
                e.getMessage());
    }

    @Test
    void jsonRoundTripKeepsEveryFieldAndTheReferenceLayout(@TempDir Path dir) throws Exception {
        ActivationRecord a = new ActivationRecord(List.of(" yellow", "\t", "é\n", "<|endoftext|>"),
                new double[] {-0.1699, 3.25, 0.0, 1.0e-7});
        ActivationRecord b = new ActivationRecord(List.of(" x"), new double[] {0.046875});
        NeuronRecord r = new NeuronRecord(new NeuronId(3, 1024), List.of(b), List.of(List.of(a), List.of(b, a)),
                List.of(0.0, 0.5, 1.25, 2.5), 0.01, Double.NaN, -1.5, 4.0, List.of(a, b));
        Path file = NeuronRecordJson.file(dir, r.id());
        assertEquals(dir.resolve("3").resolve("1024.json"), file);
        NeuronRecordJson.write(file, r);
        NeuronRecord back = NeuronRecordJson.read(file);
        assertEquals(r, back);
        String json = Files.readString(file);
        assertTrue(json.startsWith("{\"dataclass_name\":\"NeuronRecord\",\"neuron_id\":{\"dataclass_name\":\"NeuronId\","
                + "\"layer_index\":3,\"neuron_index\":1024},\"random_sample\":[{\"dataclass_name\":\"ActivationRecord\","),
                json);
        assertTrue(json.contains("\"variance\":null"), "NaN is written as null, as orjson writes it: " + json);
        assertEquals(NeuronRecordJson.toJson(r), NeuronRecordJson.toJson(back));
    }

    @Test
    void readsAReferenceRecordWithoutOptionalFields() {
        // the shape of OpenAI's collated-activations files, trimmed; dataclass_name is optional on read
        String json = "{\"dataclass_name\": \"NeuronRecord\", \"neuron_id\": {\"layer_index\": 0, \"neuron_index\": 286},"
                + " \"random_sample\": [{\"tokens\": [\"a\", \" b\"], \"activations\": [0.5, -0.02]}],"
                + " \"random_sample_by_quantile\": null, \"quantile_boundaries\": [0.0, 0.1, 0.7, 1.2, 3.0],"
                + " \"mean\": null, \"variance\": 0.25, \"skewness\": 1, \"kurtosis\": 2.5,"
                + " \"most_positive_activation_records\": [{\"dataclass_name\": \"ActivationRecord\","
                + " \"tokens\": [\"c\"], \"activations\": [4.5]}]}";
        NeuronRecord r = NeuronRecordJson.fromJson(json, "286.json");
        assertEquals(new NeuronId(0, 286), r.id());
        assertNull(r.randomSampleByQuantile());
        assertEquals(0.7, r.quantileBoundaries().get(2));
        assertTrue(Double.isNaN(r.mean()));
        assertEquals(0.25, r.variance());
        assertEquals(-0.02, r.randomSample().get(0).activation(1));
        assertEquals(4.5, r.maxActivation());
    }

    @Test
    void aBrokenRecordNamesTheFileAndField() {
        String json = "{\"neuron_id\": {\"layer_index\": 0, \"neuron_index\": 1}, \"random_sample\": "
                + "[{\"tokens\": [\"a\", \"b\"], \"activations\": [0.5]}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeuronRecordJson.fromJson(json, "my/1.json"));
        assertEquals("my/1.json: random_sample[0] has 2 tokens but 1 activations", e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> NeuronRecordJson.fromJson("{\"random_sample\": []}", "x.json"));
        assertEquals("x.json: field \"neuron_id\" missing", missing.getMessage());
    }

    private static List<Integer> box(int[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
