package io.github.promptscope.util;

import java.util.List;

/**
 * What every parser fuzz test checks: the parser returns a value, or throws one of its named errors
 * with a message that names the input (the file, or the field). Anything else (a NullPointerException,
 * an index out of bounds, a ClassCastException, a bare NumberFormatException, an OutOfMemoryError) is
 * rethrown, and Jazzer reports the input as a crash.
 */
public final class FuzzContract {

    /** The parse under test; may throw anything. */
    @FunctionalInterface
    public interface Parse {
        void run() throws Exception;
    }

    private FuzzContract() {
    }

    /**
     * Runs {@code parse}; an error of one of the {@code named} types whose message contains
     * {@code mustName} is an accepted answer, any other throwable fails the input.
     */
    public static void namedErrorsOnly(Parse parse, String mustName, List<Class<? extends Throwable>> named) {
        try {
            parse.run();
        } catch (Throwable t) {
            if (!named.stream().anyMatch(c -> c.isInstance(t))) {
                throw new AssertionError("crash: " + t.getClass().getName() + " is not a named error", t);
            }
            if (t.getMessage() == null || !t.getMessage().contains(mustName)) {
                throw new AssertionError("the error does not name " + mustName + ": " + t.getMessage(), t);
            }
        }
    }
}
