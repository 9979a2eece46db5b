package io.github.promptscope.kernel;

/** A cell whose code threw: carries the notebook's exception (real class, message, causes). */
public final class EvaluationFailure extends Exception {

    EvaluationFailure(Throwable thrown) {
        super(thrown.toString(), thrown);
    }
}
