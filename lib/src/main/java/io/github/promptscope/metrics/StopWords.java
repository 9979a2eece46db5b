package io.github.promptscope.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** A user's stop-word file: one word per line, blank lines ignored, each line stripped (sumeval's format). */
final class StopWords {

    private StopWords() {}

    static Set<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(w -> !w.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": stop-word file not found", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the stop-word file (one word per line, UTF-8): "
                    + e.getMessage(), e);
        }
    }
}
