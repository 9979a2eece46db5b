package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Whether an operation may overwrite a tensor it made: only where autograd records nothing, since
 * backward needs a recorded operation's inputs and outputs unmodified. Element-wise operations give
 * the same floats in place or not (each element is one IEEE operation on the same operands), so
 * inference works in place to spare a fresh buffer per operation.
 */
final class GradientMode {

    private GradientMode() {}

    /** Whether autograd may need {@code x}'s intermediates: grad mode on, or x requiring a gradient. */
    static boolean records(NDArray x) {
        return JniUtils.isGradMode() || !(x instanceof PtNDArray p) || JniUtils.requiresGrad(p);
    }
}
