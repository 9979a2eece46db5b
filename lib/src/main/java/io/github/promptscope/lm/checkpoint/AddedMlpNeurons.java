package io.github.promptscope.lm.checkpoint;

import io.github.promptscope.util.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies a GPT-2 checkpoint with neurons appended to its MLPs, each with chosen input weights and
 * bias and an output row of zeros, so the copy computes exactly what the original does while the
 * new neurons can be read through {@code blocks.L.mlp.hook_post} (planted neurons, spec
 * neurons.md 7.5).
 *
 * <p>Why append instead of overwriting a neuron, as the spec's recipe says: zeroing an existing
 * neuron's output row removes what that neuron contributed, which changes the model's outputs (on
 * the default model, zeroing layer 0's neuron 0 moves next-token log-probabilities by up to 1.44).
 * GPT-2's {@code n_inner} is one width for every block, so every layer grows by the same count; the
 * added slots of the other layers get zero weights and bias and stay at GELU(0) = 0.
 */
public final class AddedMlpNeurons {

    /** A neuron to add to block {@code layer}: {@code act(inputWeights . ln_2(x) + bias)}, output weights zero. */
    public record Neuron(int layer, float[] inputWeights, float bias) {
        public Neuron {
            inputWeights = inputWeights.clone();
        }
    }

    private static final Pattern MLP_TENSOR = Pattern.compile("(?:^|\\.)h\\.(\\d+)\\.mlp\\.(c_fc\\.weight|c_fc\\.bias|c_proj\\.weight)$");

    private AddedMlpNeurons() {}

    /**
     * Writes {@code source} to {@code target} (config.json, model.safetensors as float32, tokenizer
     * files) with {@code neurons} appended in order: the i-th gets index {@code width + i} of its
     * layer, where {@code width} is the source's MLP width, which is returned.
     */
    public static int write(Path source, Path target, List<Neuron> neurons) throws IOException {
        ModelConfig config = ModelConfig.read(source);
        if (config.architecture() != ModelConfig.Architecture.GPT2) {
            throw new CheckpointException(config.file(), "neurons can only be added to a GPT-2 checkpoint (a dense MLP"
                    + " c_fc -> GELU -> c_proj); this one is " + config.architecture().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (sameFolder(source, target)) {
            throw new IllegalArgumentException(target + ": the copy must go to another folder than the model it is made from");
        }
        int d = config.hiddenSize();
        int width = config.intermediateSize();
        for (Neuron n : neurons) {
            if (n.layer() < 0 || n.layer() >= config.numLayers()) {
                throw new IllegalArgumentException("layer " + n.layer() + " is outside 0.." + (config.numLayers() - 1));
            }
            if (n.inputWeights().length != d) {
                throw new IllegalArgumentException("a neuron's input weights must have n_embd = " + d + " values, got "
                        + n.inputWeights().length);
            }
        }
        Map<String, SafetensorsWriter.Tensor> tensors = SafetensorsWriter.ordered();
        for (Path file : new CheckpointWeights(source).files()) {
            SafetensorsFile f = new SafetensorsFile(file);
            for (SafetensorsFile.Entry e : f.entries().values()) {
                float[] values = f.readFloats(e);
                Matcher m = MLP_TENSOR.matcher(e.name());
                tensors.put(e.name(), m.find()
                        ? widened(m.group(2), Integer.parseInt(m.group(1)), values, d, width, neurons)
                        : new SafetensorsWriter.Tensor(values, e.shape()));
            }
        }
        Files.createDirectories(target);
        SafetensorsWriter.write(target.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode c = (ObjectNode) json.readTree(config.file().toFile());
        c.put("n_inner", width + neurons.size());
        AtomicFiles.writeString(target.resolve("config.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(c));
        for (String side : CheckpointSaver.SIDE_FILES) {
            if (Files.isRegularFile(source.resolve(side))) {
                AtomicFiles.copy(source.resolve(side), target.resolve(side));
            }
        }
        return width;
    }

    private static SafetensorsWriter.Tensor widened(String kind, int layer, float[] old, int d, int width,
            List<Neuron> neurons) {
        int grown = width + neurons.size();
        switch (kind) {
            case "c_fc.weight" -> { // [d, width]: a neuron's input weights are a column
                float[] out = new float[d * grown];
                for (int i = 0; i < d; i++) {
                    System.arraycopy(old, i * width, out, i * grown, width);
                    for (int k = 0; k < neurons.size(); k++) {
                        if (neurons.get(k).layer() == layer) {
                            out[i * grown + width + k] = neurons.get(k).inputWeights()[i];
                        }
                    }
                }
                return new SafetensorsWriter.Tensor(out, new long[] {d, grown});
            }
            case "c_fc.bias" -> {
                float[] out = java.util.Arrays.copyOf(old, grown);
                for (int k = 0; k < neurons.size(); k++) {
                    if (neurons.get(k).layer() == layer) {
                        out[width + k] = neurons.get(k).bias();
                    }
                }
                return new SafetensorsWriter.Tensor(out, new long[] {grown});
            }
            default -> { // c_proj.weight [width, d]: the added rows stay zero, so the outputs do not change
                return new SafetensorsWriter.Tensor(java.util.Arrays.copyOf(old, grown * d), new long[] {grown, d});
            }
        }
    }

    private static boolean sameFolder(Path a, Path b) throws IOException {
        if (Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
