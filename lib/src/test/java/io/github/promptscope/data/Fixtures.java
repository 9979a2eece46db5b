package io.github.promptscope.data;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the small files under {@code src/test/resources/data/}. */
final class Fixtures {

    private Fixtures() {
    }

    static Path data(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture data/" + name, e);
        }
    }
}
