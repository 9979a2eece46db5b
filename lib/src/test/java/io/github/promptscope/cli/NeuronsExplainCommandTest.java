package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.cli.CommandsTest.Run;
import io.github.promptscope.neurons.ActivationRecord;
import io.github.promptscope.neurons.NeuronId;
import io.github.promptscope.neurons.NeuronRecord;
import io.github.promptscope.neurons.NeuronRecordJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurons explain}: bad input is named by its flag before any model runs. */
class NeuronsExplainCommandTest {

    @Test
    void recordsNeuronPromptAndExplainerErrorsNameTheirFlags(@TempDir Path dir) throws Exception {
        List<ActivationRecord> excerpts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            excerpts.add(new ActivationRecord(List.of(" a", " " + i), new double[] {0, i}));
        }
        NeuronId id = new NeuronId(2, 5);
        NeuronRecordJson.write(NeuronRecordJson.file(dir, id), NeuronRecord.of(id, excerpts, excerpts.subList(0, 15)));

        Run noFolder = CommandsTest.run("neurons", "explain", "--records", dir.resolve("nope").toString(), "--neuron", "5");
        assertEquals(1, noFolder.code());
        assertTrue(noFolder.err().contains("--records " + dir.resolve("nope") + ": not a folder"), noFolder.err());
        Run noNeuron = CommandsTest.run("neurons", "explain", "--records", dir.toString(), "--neuron", "6");
        assertEquals(1, noNeuron.code());
        assertTrue(noNeuron.err().contains("--neuron 6: no record in layers [2]"), noNeuron.err());
        Run badPrompt = CommandsTest.run("neurons", "explain", "--records", dir.toString(), "--neuron", "5", "--prompt", "short");
        assertEquals(1, badPrompt.code());
        assertTrue(badPrompt.err().contains("--prompt short: expected one of original|summary|highlight|highlight-summary|avhs"),
                badPrompt.err());
        Run badExplainer = CommandsTest.run("neurons", "explain", "--records", dir.toString(), "--neuron", "5",
                "--explainer", dir.resolve("missing").toString());
        assertEquals(1, badExplainer.code());
        assertTrue(badExplainer.err().contains("neither a checkpoint folder nor an http(s) URL"), badExplainer.err());
        Run deadEndpoint = CommandsTest.run("neurons", "explain", "--records", dir.toString(), "--neuron", "5",
                "--explainer", "http://127.0.0.1:9/v1");
        assertEquals(1, deadEndpoint.code());
        assertTrue(deadEndpoint.err().contains("--explainer http://127.0.0.1:9/v1: no answer from"), deadEndpoint.err());
        // the token-lookup baseline needs no model. The explaining split is top[0, 4, 8, 12, 16] (tokens " 0" to " 16"
        // as written), and the cutoff, the 0.99 quantile of the random excerpts (activations 0..14), leaves only " 16"
        Run lookup = CommandsTest.run("neurons", "explain", "--records", dir.toString(), "--neuron", "5", "--prompt",
                "token-lookup");
        assertEquals(0, lookup.code(), lookup.err());
        assertTrue(lookup.out().contains("\"the tokens '16'\""), lookup.out());
    }
}
