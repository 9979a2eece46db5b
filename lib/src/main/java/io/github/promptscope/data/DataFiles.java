package io.github.promptscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the committed word lists and tables of {@code data_utils/}.
 *
 * <p>Lookup order: the folder named by system property {@value #HOME_PROPERTY} (so a user can edit a
 * list without rebuilding), then the classpath resource {@code data_utils/<name>} (a jar or
 * {@code target/classes}), then the first {@code data_utils/} found walking up from the working
 * directory (a checkout without a build).
 */
public final class DataFiles {

    public static final String HOME_PROPERTY = io.github.promptscope.util.RepoPaths.HOME_PROPERTY;
    static final String DIR = "data_utils";

    private DataFiles() {
    }

    /** The file's lines, UTF-8, without line terminators. */
    public static List<String> lines(String name) {
        Optional<Path> override = homeDir().map(h -> h.resolve(DIR).resolve(name));
        if (override.isPresent()) {
            return readPath(override.get(), name);
        }
        try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(DIR + "/" + name)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
        } catch (IOException e) {
            throw new DataException("cannot read classpath resource " + DIR + "/" + name + ": " + e.getMessage(), e);
        }
        Path found = walkUp(Path.of("").toAbsolutePath()).map(d -> d.resolve(name))
                .orElseThrow(() -> new DataException(DIR + "/" + name + " not found: not on the classpath and no "
                        + DIR + "/ folder above " + Path.of("").toAbsolutePath()
                        + "; set -D" + HOME_PROPERTY + "=<folder containing " + DIR + "/>"));
        return readPath(found, name);
    }

    private static Optional<Path> homeDir() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home));
    }

    private static Optional<Path> walkUp(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve(DIR);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<String> readPath(Path path, String name) {
        if (!Files.isRegularFile(path)) {
            throw new DataException(path + ": " + name + " not found (" + HOME_PROPERTY + "="
                    + System.getProperty(HOME_PROPERTY) + ")");
        }
        try {
            return new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataException(path + ": cannot read: " + e.getMessage(), e);
        }
    }
}
