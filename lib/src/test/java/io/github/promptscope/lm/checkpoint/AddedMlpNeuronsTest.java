package io.github.promptscope.lm.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.DefaultModel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GPT-2 checkpoint copied with neurons appended: shapes, values, config, and what it refuses. */
class AddedMlpNeuronsTest {

    @Test
    void neuronsAreAppendedWithZeroOutputsAndTheRestIsCopied(@TempDir Path tmp) throws Exception {
        Path source = DefaultModel.locate();
        int d = 192;
        float[] w0 = new float[d];
        float[] w1 = new float[d];
        for (int i = 0; i < d; i++) {
            w0[i] = i / 100f;
            w1[i] = -i;
        }
        Path copy = tmp.resolve("copy");
        int width = AddedMlpNeurons.write(source, copy,
                List.of(new AddedMlpNeurons.Neuron(1, w0, 0.5f), new AddedMlpNeurons.Neuron(3, w1, -2f)));
        assertEquals(768, width);
        ModelConfig c = ModelConfig.read(copy);
        assertEquals(770, c.intermediateSize());
        assertEquals(ModelConfig.read(source).vocabSize(), c.vocabSize());
        CheckpointWeights before = new CheckpointWeights(source);
        CheckpointWeights after = new CheckpointWeights(copy);
        float[] fc = after.floats("h.1.mlp.c_fc.weight", d, 770);
        float[] fcOld = before.floats("h.1.mlp.c_fc.weight", d, 768);
        for (int i = 0; i < d; i++) {
            assertArrayEquals(Arrays.copyOfRange(fcOld, i * 768, i * 768 + 768), Arrays.copyOfRange(fc, i * 770, i * 770 + 768));
            assertEquals(w0[i], fc[i * 770 + 768], 0f);
            assertEquals(0f, fc[i * 770 + 769], 0f, "neuron 769 belongs to layer 3");
        }
        assertEquals(0.5f, after.floats("h.1.mlp.c_fc.bias", 770)[768], 0f);
        assertEquals(-2f, after.floats("h.3.mlp.c_fc.bias", 770)[769], 0f);
        assertEquals(-3f, after.floats("h.3.mlp.c_fc.weight", d, 770)[3 * 770 + 769], 0f);
        float[] proj = after.floats("h.3.mlp.c_proj.weight", 770, d);
        assertArrayEquals(before.floats("h.3.mlp.c_proj.weight", 768, d), Arrays.copyOf(proj, 768 * d));
        assertTrue(allZero(Arrays.copyOfRange(proj, 768 * d, 770 * d)), "added neurons write nothing");
        assertArrayEquals(before.floats("wte.weight", 4424, d), after.floats("wte.weight", 4424, d));
    }

    @Test
    void refusesToWriteOverItsSourceOrIntoALlama(@TempDir Path tmp) throws Exception {
        Path source = DefaultModel.locate();
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> AddedMlpNeurons.write(source, source, List.of(new AddedMlpNeurons.Neuron(0, new float[192], 0))));
        assertTrue(same.getMessage().contains("another folder"), same.getMessage());
        Path llama = TensorEdits.copyFixture("llama-gqa", tmp);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> AddedMlpNeurons.write(llama, tmp.resolve("out"), List.of()));
        assertTrue(e.getMessage().contains("only be added to a GPT-2 checkpoint"), e.getMessage());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> AddedMlpNeurons.write(source, tmp.resolve("x"), List.of(new AddedMlpNeurons.Neuron(0, new float[5], 0))));
        assertTrue(wide.getMessage().contains("n_embd = 192"), wide.getMessage());
    }

    private static boolean allZero(float[] v) {
        for (float f : v) {
            if (f != 0) {
                return false;
            }
        }
        return true;
    }
}
