package io.github.promptscope.data;

/** The answer of a synthetic math task for its input numbers, printed as the original prints it. */
@FunctionalInterface
public interface NumberFunction {
    String apply(long[] x);
}
