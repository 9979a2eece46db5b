package io.github.promptscope.functions;

import java.util.Optional;

/**
 * Freeform definition (spec A7): the reply, with every {@code print} and {@code input} removed (as
 * the reference does, before its {@code eval}), must be a lambda that equals the true function, by
 * Python {@code ==}, on all of {@link #POINTS}. A reply that does not parse or raises is wrong. The
 * reference evaluates the reply in Python with a 5 s timeout; here {@link PyLambda} evaluates it, so
 * there is nothing to sandbox, and a definition outside its subset is judged wrong.
 */
public record LambdaAnswer(FunctionDefinition truth) implements AnswerCheck {

    /** The reference's test points. */
    public static final long[] POINTS = {-1044, -294, -23, -9, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 9, 45, 473,
            1023, 3391};

    @Override
    public boolean correct(String output) {
        PyLambda candidate;
        try {
            candidate = PyLambda.parse(output.replace("print", "").replace("input", ""));
        } catch (PyError e) {
            return false;
        }
        for (long n : POINTS) {
            try {
                if (!candidate.apply(n).pyEquals(truth.apply(n))) {
                    return false;
                }
            } catch (PyError e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<String> exactTarget() {
        return Optional.empty();
    }
}
