package io.github.promptscope.ptuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The encoders' forward and backward against PyTorch on every build, without torch: the fixture
 * {@code ptuning/encoder-torch-fixture.json} was written by
 * {@code environment/ptuning_encoder_reference.py --fixture} (torch's own seeded weights, anchor rows,
 * outputs, an upstream gradient and the parameter gradients of sum(output * upstream), float64) for
 * the original encoder and the new design with one or two linear layers, with and without the
 * residual. {@link EncoderTorchParityTest} runs the live comparison when torch is installed.
 */
class EncoderTorchFixtureTest {

    @Test
    void forwardAndParameterGradientsMatchTorch() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/ptuning/encoder-torch-fixture.json")) {
            assertNotNull(in, "missing test resource ptuning/encoder-torch-fixture.json");
            fixture = new ObjectMapper().readTree(in);
        }
        int cases = 0;
        for (JsonNode c : fixture.get("cases")) {
            PromptEncoder enc = encoder(c);
            String name = c.get("name").asText();
            Set<String> loaded = new HashSet<>();
            for (Param p : enc.parameters()) {
                JsonNode values = c.get("params").get(p.name());
                assertNotNull(values, name + ": torch has no parameter " + p.name());
                assertEquals(p.size(), values.size(), name + " " + p.name());
                for (int i = 0; i < p.size(); i++) {
                    p.values()[i] = values.get(i).asDouble();
                }
                loaded.add(p.name());
            }
            assertEquals(c.get("params").size(), loaded.size(), name + ": the same parameters as torch's state_dict");

            double[][] rows = enc.forward();
            JsonNode want = c.get("rows");
            for (int s = 0; s < rows.length; s++) {
                for (int j = 0; j < rows[s].length; j++) {
                    assertEquals(want.get(s).get(j).asDouble(), rows[s][j], 1e-12, name + " row " + s + " dim " + j);
                }
            }
            enc.zeroGrad();
            enc.backward(matrix(c.get("upstream")));
            for (Param p : enc.parameters()) {
                JsonNode g = c.get("grads").get(p.name());
                for (int i = 0; i < p.size(); i++) {
                    assertEquals(g.get(i).asDouble(), p.gradient()[i], 1e-12, name + " d/d " + p.name() + "[" + i + "]");
                }
            }
            cases++;
        }
        assertEquals(4, cases);
    }

    private static PromptEncoder encoder(JsonNode c) {
        int slots = c.get("slots").asInt();
        int width = c.get("width").asInt();
        if (c.get("design").asText().equals("original")) {
            return new OriginalEncoder(slots, width, new Random(0));
        }
        double[][] a = matrix(c.get("anchors"));
        float[][] anchors = new float[slots][width];
        long[] ids = new long[slots];
        for (int s = 0; s < slots; s++) {
            ids[s] = s;
            for (int j = 0; j < width; j++) {
                anchors[s][j] = (float) a[s][j];
            }
        }
        // zeroDelta false: the weights come from the fixture anyway
        return new NewDesignEncoder(ids, anchors, c.get("mlp").asInt(), c.get("residual").asBoolean(), false, new Random(0));
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int s = 0; s < out.length; s++) {
            out[s] = new double[rows.get(s).size()];
            for (int j = 0; j < out[s].length; j++) {
                out[s][j] = rows.get(s).get(j).asDouble();
            }
        }
        return out;
    }
}
