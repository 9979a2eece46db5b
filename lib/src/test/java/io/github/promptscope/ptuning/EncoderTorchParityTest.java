package io.github.promptscope.ptuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoders' forward pass against torch.nn.LSTM / Linear with the same weights, computed by
 * {@code environment/ptuning_encoder_reference.py} when python3 with torch is installed (skipped
 * otherwise; {@link LstmAndAdamTest} pins the equations with known answers either way).
 */
class EncoderTorchParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = Path.of("environment/ptuning_encoder_reference.py");

    @Test
    void originalEncoderMatchesTorch(@TempDir Path dir) throws Exception {
        compare(new OriginalEncoder(4, 8, new Random(11)), "original", 2, false, null, dir);
    }

    @Test
    void newDesignMatchesTorch(@TempDir Path dir) throws Exception {
        float[][] anchors = new float[4][8];
        Random r = new Random(12);
        for (float[] row : anchors) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        compare(new NewDesignEncoder(new long[] {1, 2, 3, 4}, anchors, 2, true, false, new Random(13)), "new", 2, true,
                anchors, dir);
        compare(new NewDesignEncoder(new long[] {1, 2, 3, 4}, anchors, 1, false, false, new Random(14)), "new", 1, false,
                anchors, dir);
    }

    private static void compare(PromptEncoder enc, String design, int mlp, boolean residual, float[][] anchors, Path dir)
            throws Exception {
        assumeTrue(torchAvailable(), "python3 with torch is not installed");
        ObjectNode spec = JSON.createObjectNode();
        spec.put("design", design).put("width", 8).put("slots", 4).put("mlp", mlp).put("residual", residual);
        ObjectNode params = spec.putObject("params");
        for (Param p : enc.parameters()) {
            var arr = params.putArray(p.name());
            for (double v : p.value) {
                arr.add(v);
            }
        }
        if (anchors != null) {
            var a = spec.putArray("anchors");
            for (float[] row : anchors) {
                var r = a.addArray();
                for (float v : row) {
                    r.add((double) v);
                }
            }
        }
        Path in = dir.resolve("in.json");
        Path out = dir.resolve("out.json");
        JSON.writeValue(in.toFile(), spec);
        Process p = new ProcessBuilder("python3", SCRIPT.toString(), in.toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        JsonNode rows = JSON.readTree(out.toFile()).get("rows");
        double[][] got = enc.forward();
        for (int s = 0; s < got.length; s++) {
            for (int j = 0; j < got[s].length; j++) {
                assertEquals(rows.get(s).get(j).asDouble(), got[s][j], 1e-10, design + " slot " + s + " dim " + j);
            }
        }
    }

    private static boolean torchAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.isRegularFile(SCRIPT);
        } catch (Exception e) {
            return false;
        }
    }
}
