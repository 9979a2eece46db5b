package io.github.promptscope.lm.checkpoint;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Damaged copies of the test checkpoints: one tensor's values changed, or tensors added, by rewriting the file. */
public final class TensorEdits {

    private TensorEdits() {}

    /** A copy of {@code src/test/resources/fixtures/<fixture>} in {@code into}, safe to damage. */
    public static Path copyFixture(String fixture, Path into) throws IOException {
        Path src;
        try {
            src = Path.of(TensorEdits.class.getResource("/fixtures/" + fixture).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path dst = into.resolve(fixture);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    /** Rewrites {@code file} (float32) with {@code tensor}'s values passed through {@code edit}. */
    public static void edit(Path file, String tensor, UnaryOperator<float[]> edit) throws IOException {
        rewrite(file, tensors -> {
            SafetensorsWriter.Tensor t = tensors.get(tensor);
            if (t == null) {
                throw new IllegalArgumentException(file + " has no tensor " + tensor + ": " + tensors.keySet());
            }
            tensors.put(tensor, new SafetensorsWriter.Tensor(edit.apply(t.values().clone()), t.shape()));
        });
    }

    /** Rewrites {@code file} (float32) after {@code change} edited its tensors by name. */
    public static void rewrite(Path file, java.util.function.Consumer<Map<String, SafetensorsWriter.Tensor>> change)
            throws IOException {
        SafetensorsFile in = new SafetensorsFile(file);
        Map<String, SafetensorsWriter.Tensor> tensors = SafetensorsWriter.ordered();
        for (SafetensorsFile.Entry e : in.entries().values()) {
            tensors.put(e.name(), new SafetensorsWriter.Tensor(in.readFloats(e), e.shape()));
        }
        change.accept(tensors);
        SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));
    }
}
