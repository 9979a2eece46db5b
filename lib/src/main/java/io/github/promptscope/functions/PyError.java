package io.github.promptscope.functions;

/**
 * What Python would raise while parsing or running a lambda (a syntax error, a division by zero, a
 * name it does not know), or a value Python would compute that this evaluator does not (an int
 * beyond 64 bits, a complex number): {@link #beyondSubset()}. Either way a freeform definition that
 * raises is judged wrong.
 */
public final class PyError extends RuntimeException {

    private final boolean beyondSubset;

    public PyError(String message) {
        this(message, false);
    }

    private PyError(String message, boolean beyondSubset) {
        super(message);
        this.beyondSubset = beyondSubset;
    }

    /** Python would give a value here; this evaluator cannot represent it. */
    static PyError beyondSubset(String message) {
        return new PyError(message, true);
    }

    public boolean beyondSubset() {
        return beyondSubset;
    }
}
