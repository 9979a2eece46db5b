package io.github.promptscope.lm;

import io.github.promptscope.lm.HookName.Point;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hooks and cache requests of one forward pass, threaded through {@link Decoder#hidden} into
 * every block. It lives for one call only, as TransformerLens's {@code run_with_hooks} scopes its
 * hooks, so nothing stays attached to the model. Passes without hooks pass {@code null} and
 * every hook point is then a null check (see {@link #at(HookRegistry, Point, int, NDArray)}).
 */
final class HookRegistry {

    /** A cached activation: its padded shape and its values, row-major. */
    record Captured(long[] shape, float[] data) {}

    private final Map<HookName, List<HookFunction>> edits = new HashMap<>();
    private final Set<HookName> wanted;
    private final int[] lengths;
    private final Map<HookName, Captured> captured = new LinkedHashMap<>();

    /** @param lengths each text's real (non-padding) length, so edits can tell padding apart */
    HookRegistry(List<Hook> hooks, Set<HookName> wanted, int[] lengths) {
        for (Hook h : hooks) {
            edits.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h.function());
        }
        this.wanted = wanted;
        this.lengths = lengths;
    }

    /** The hook point {@code point} of block {@code layer} (-1: model-level) seeing {@code x}. */
    static NDArray at(HookRegistry hooks, Point point, int layer, NDArray x) {
        return hooks == null ? x : hooks.at(new HookName(point, layer), x);
    }

    /** Runs this point's hooks in the order given, caches the result if asked, and returns it. */
    NDArray at(HookName name, NDArray x) {
        List<HookFunction> fns = edits.get(name);
        if (fns != null) {
            for (HookFunction fn : fns) {
                ActivationEdit edit = new ActivationEdit(name, x, lengths);
                fn.apply(edit);
                x = edit.result();
            }
        }
        if (wanted.contains(name)) {
            // copied out now: the pass's native arrays are freed when the call returns
            captured.put(name, new Captured(x.getShape().getShape(), x.toType(DataType.FLOAT32, false).toFloatArray()));
        }
        return x;
    }

    Map<HookName, Captured> captured() {
        return captured;
    }
}
