package io.github.promptscope.functions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Function inversion: correct iff the reply is one of the inputs (as text) in the eval's range that
 * the function maps to the shown output ({@code model_out in target_list}).
 */
public record PreimageAnswer(List<String> preimage) implements AnswerCheck {

    public PreimageAnswer {
        preimage = List.copyOf(preimage);
    }

    /** {@code [str(x) for x in range(lo, hi) if f(x) == y]}. */
    public static PreimageAnswer of(FunctionDefinition f, PyValue y, long lo, long hi) {
        Set<String> xs = new LinkedHashSet<>();
        for (long x = lo; x < hi; x++) {
            if (f.apply(x).pyEquals(y)) {
                xs.add(Long.toString(x));
            }
        }
        return new PreimageAnswer(List.copyOf(xs));
    }

    @Override
    public boolean correct(String output) {
        return preimage.contains(output);
    }

    @Override
    public Optional<String> exactTarget() {
        return Optional.empty();
    }
}
