package io.github.promptscope.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross product of parameter lists, in a fixed order (the last parameter varies fastest), so a
 * sweep enumerates the same runs every time.
 *
 * <pre>{@code
 * List<Map<String, Object>> grid = Sweep.over("dataset", List.of("add_two", "max_two"))
 *                                       .and("seed", List.of(1, 2, 3)).grid();   // 6 points
 * }</pre>
 */
public final class Sweep {

    private final Map<String, List<?>> axes;

    private Sweep(Map<String, List<?>> axes) {
        this.axes = axes;
    }

    public static Sweep over(String name, List<?> values) {
        return new Sweep(new LinkedHashMap<>()).and(name, values);
    }

    public Sweep and(String name, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("sweep axis \"" + name + "\" has no values");
        }
        Map<String, List<?>> next = new LinkedHashMap<>(axes);
        if (next.put(name, List.copyOf(values)) != null) {
            throw new IllegalArgumentException("sweep axis \"" + name + "\" given twice");
        }
        return new Sweep(next);
    }

    /** Every combination, each an insertion-ordered map from axis name to value. */
    public List<Map<String, Object>> grid() {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<?>> axis : axes.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>(points.size() * axis.getValue().size());
            for (Map<String, Object> p : points) {
                for (Object v : axis.getValue()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points.stream().map(java.util.Collections::unmodifiableMap).toList();
    }
}
