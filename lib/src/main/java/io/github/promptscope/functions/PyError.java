package io.github.promptscope.functions;

/**
 * What Python would raise while parsing or running a lambda (a syntax error, a division by zero, a
 * name it does not know). A freeform definition that raises is judged wrong, as in the reference.
 */
public final class PyError extends RuntimeException {

    public PyError(String message) {
        super(message);
    }
}
