package io.github.promptscope.util;

import java.nio.file.Path;

/**
 * How committed files name a folder: relative to the PromptScope checkout when inside it
 * ({@code models/default}), else by its own name. Never an absolute path, which would leak the
 * author's machine into a record and mean nothing on another.
 */
public final class RepoPaths {

    /** System property the launcher and kernel set to the checkout's root. */
    public static final String HOME_PROPERTY = "promptscope.home";

    private RepoPaths() {
    }

    /** {@code dir} relative to the checkout (with '/'), or its last name when it lies elsewhere. */
    public static String label(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        String home = System.getProperty(HOME_PROPERTY);
        Path root = home != null ? Path.of(home).toAbsolutePath().normalize() : Path.of("").toAbsolutePath();
        if (abs.startsWith(root) && !abs.equals(root)) {
            return root.relativize(abs).toString().replace('\\', '/');
        }
        Path name = abs.getFileName();
        return name == null ? abs.toString() : name.toString();
    }
}
