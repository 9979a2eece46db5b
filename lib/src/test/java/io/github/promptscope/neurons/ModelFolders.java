package io.github.promptscope.neurons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A writable copy of a model folder, for tests that give a model a file of its own (a prompt context). */
final class ModelFolders {

    private ModelFolders() {}

    /** Copies the files of {@code from} (not its sub-folders) into {@code tmp}/m and returns that folder. */
    static Path copy(Path from, Path tmp) throws IOException {
        Path dir = tmp.resolve("m");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }
}
