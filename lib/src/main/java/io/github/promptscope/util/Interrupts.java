package io.github.promptscope.util;

import java.util.concurrent.CancellationException;

/**
 * Native tensor work cannot be interrupted, so long loops call {@link #check()} between steps:
 * a notebook's interrupt then stops a search at the next step instead of never.
 */
public final class Interrupts {

    private Interrupts() {}

    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted");
        }
    }
}
