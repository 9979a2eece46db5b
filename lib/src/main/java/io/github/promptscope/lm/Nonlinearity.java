package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/** An MLP activation ({@link Nonlinearities#byName}). */
interface Nonlinearity extends UnaryOperator<NDArray> {

    /**
     * The same floats as {@link #apply}, possibly written over {@code x}: for a caller whose own fresh
     * tensor {@code x} is, and which no hook reads, so that the result needs no buffer of its own.
     */
    default NDArray applyOwned(NDArray x) {
        return apply(x);
    }
}
