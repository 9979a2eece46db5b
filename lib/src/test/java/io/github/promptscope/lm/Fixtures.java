package io.github.promptscope.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tiny checkpoints made by {@code environment/make_parity_fixtures.py} and the reference
 * numbers {@code transformers} computed for them. Models are loaded once per JVM.
 */
final class Fixtures {

    private static final Map<String, LanguageModel> LOADED = new ConcurrentHashMap<>();
    private static JsonNode reference;

    private Fixtures() {}

    static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized JsonNode reference() {
        if (reference == null) {
            try {
                reference = new ObjectMapper().readTree(root().resolve("reference.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        reference().path("fixtures").forEach(f -> names.add(f.path("name").asText()));
        return names;
    }

    static JsonNode fixture(String name) {
        for (JsonNode f : reference().path("fixtures")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no fixture " + name);
    }

    static LanguageModel model(String name) {
        return LOADED.computeIfAbsent(name, n -> LanguageModel.load(root().resolve(fixture(n).path("dir").asText())));
    }

    static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }
}
