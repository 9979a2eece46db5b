package io.github.promptscope.kernel;

/** A cell that does not compile: javac's message with the cell line it points at. */
public final class CompilationFailure extends Exception {

    private final int line;

    CompilationFailure(String message, int line) {
        super(message);
        this.line = line;
    }

    /** 1-based line of the cell the first error points at. */
    public int line() {
        return line;
    }
}
