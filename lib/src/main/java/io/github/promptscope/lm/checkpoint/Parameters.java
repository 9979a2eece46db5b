package io.github.promptscope.lm.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model's tensors by their checkpoint name (prefix dropped), in load order. Loaders take
 * every weight through here, so training sees each parameter once (a tied head is the embedding)
 * and saving writes back exactly what was read.
 */
public final class Parameters {

    private final CheckpointWeights source;
    private final NDManager manager;
    private final Map<String, NDArray> byName = new LinkedHashMap<>();

    public Parameters(CheckpointWeights source, NDManager manager) {
        this.source = source;
        this.manager = manager;
    }

    public NDArray get(String name, long... shape) {
        NDArray a = source.load(manager, name, shape);
        byName.put(name, a);
        return a;
    }

    public Map<String, NDArray> asMap() {
        return Collections.unmodifiableMap(byName);
    }
}
