package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.cli.CommandsTest.Run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurons record} and {@code neurons score} on the default model, and their errors. */
class NeuronsCommandTest {

    @Test
    void recordThenScorePrintsTheThreeCorrelations(@TempDir Path dir) throws Exception {
        System.setProperty("promptscope.progress", "off");
        Path text = dir.resolve("text.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append("Given the input numbers ").append(i % 10).append(" and ").append(i % 7)
                    .append(", the answer is ").append(i % 10 + i % 7).append(".\n\n");
        }
        Files.writeString(text, sb.toString());
        Run rec = CommandsTest.run("neurons", "record", "--layer", "1", "--neurons", "3,7", "--out",
                dir.resolve("records").toString(), "--text", text.toString());
        assertEquals(0, rec.code(), rec.err());
        assertTrue(Files.isRegularFile(dir.resolve("records/1/3.json")));
        assertTrue(Files.isRegularFile(dir.resolve("records/1/7.json")));
        Run score = CommandsTest.run("neurons", "score", "--records", dir.resolve("records").toString(), "--neuron", "7",
                "--explanation", "digits");
        assertEquals(0, score.code(), score.err());
        JsonNode json = CommandsTest.JSON.readTree(score.out());
        assertEquals(7, json.get("neuron").asInt());
        assertEquals(1, json.get("layer").asInt());
        for (String field : new String[] {"top_only", "random_only", "top_and_random"}) {
            JsonNode v = json.get(field);
            assertTrue(v.isNull() || (v.asDouble() >= -1 && v.asDouble() <= 1), field + ": " + v);
        }
        Run missing = CommandsTest.run("neurons", "score", "--records", dir.resolve("records").toString(), "--neuron",
                "70", "--explanation", "digits");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("--neuron 70: no record in layers [1]"), missing.err());
    }

    @Test
    void outOfRangeLayerAndNeuronAreNamedByTheirFlags(@TempDir Path dir) {
        Run layer = CommandsTest.run("neurons", "record", "--layer", "9", "--out", dir.toString());
        assertEquals(1, layer.code());
        assertTrue(layer.err().contains("--layer 9 is outside 0..3 (the model has 4 layers)"), layer.err());
        Run neuron = CommandsTest.run("neurons", "record", "--layer", "0", "--neurons", "760-770", "--out", dir.toString());
        assertEquals(1, neuron.code());
        assertTrue(neuron.err().contains("--neurons: neuron 768 is outside 0..767"), neuron.err());
    }

    @Test
    void neuronRanges() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, NeuronsCommand.parseNeurons("0-3"));
        assertArrayEquals(new int[] {5, 1, 10, 11, 12}, NeuronsCommand.parseNeurons("5,1,10-12"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeuronsCommand.parseNeurons("a-3"));
        assertEquals("--neurons: \"a-3\" is not a neuron index or a range like 0-63", e.getMessage());
    }
}
