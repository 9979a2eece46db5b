package io.github.promptscope.kernel;

/** A magic that cannot do what it was asked; the message says why and what to do. */
public final class MagicException extends Exception {

    public MagicException(String message) {
        super(message);
    }
}
