package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.cli.CommandsTest.Run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurons plant} on the default model with a small text, and its errors. */
class NeuronsPlantCommandTest {

    @Test
    void plantsIntoACopyAndPrintsTheParity(@TempDir Path dir) throws Exception {
        System.setProperty("promptscope.progress", "off");
        Path text = dir.resolve("text.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append("Given the input numbers ").append(i % 10).append(" and ").append(i % 7)
                    .append(", the answer is ").append(i % 10 + i % 7).append(".\n\n");
        }
        Files.writeString(text, sb.toString());
        Path out = dir.resolve("planted");
        Run run = CommandsTest.run("neurons", "plant", "--layer", "1", "--concept", "numbers,punctuation", "--out",
                out.toString(), "--text", text.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("layer 1 neuron 768: numbers (fires on"), run.out());
        assertTrue(run.out().contains("layer 1 neuron 769: punctuation (fires on"), run.out());
        assertTrue(run.out().contains("differ from the original's by at most 0"), run.out());
        JsonNode manifest = CommandsTest.JSON.readTree(out.resolve("planted.json").toFile());
        assertEquals("numbers", manifest.get("neurons").get(0).get("concept").asText());
        assertEquals(769, manifest.get("neurons").get(1).get("neuron").asInt());
        assertEquals("models/default", manifest.get("planted_into").asText());
    }

    @Test
    void badConceptLayerAndAConceptTheTextLacksAreNamed(@TempDir Path dir) throws Exception {
        Run concept = CommandsTest.run("neurons", "plant", "--concept", "colors", "--out", dir.toString());
        assertEquals(1, concept.code());
        assertTrue(concept.err().contains("--concept colors: unknown concept; the concepts are numbers, colours"),
                concept.err());
        Path text = dir.resolve("t.txt");
        Files.writeString(text, "one two three four five six seven eight nine ten. ".repeat(200));
        Run layer = CommandsTest.run("neurons", "plant", "--layer", "9", "--out", dir.resolve("a").toString(), "--text",
                text.toString());
        assertEquals(1, layer.code());
        assertTrue(layer.err().contains("--layer 9 is outside 0..3 (the model has 4 layers)"), layer.err());
        Run lacking = CommandsTest.run("neurons", "plant", "--concept", "colours", "--out", dir.resolve("b").toString(),
                "--text", text.toString());
        assertEquals(1, lacking.code());
        assertTrue(lacking.err().contains("tokens in colours; a planted neuron needs tokens both in and out"), lacking.err());
    }
}
