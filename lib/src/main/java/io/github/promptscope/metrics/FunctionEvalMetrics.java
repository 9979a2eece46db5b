package io.github.promptscope.metrics;

import io.github.promptscope.functions.EvalRunner.ItemResult;
import io.github.promptscope.functions.FunctionRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One template's evaluation as the papers report it: each metric's mean ± SEM over items, for test
 * functions, train functions and all items apart ({@code correct_test_mean}, {@code correct_test_sem},
 * {@code n_test}, ...). Items that could not be asked count in {@code skipped}, not in the means.
 */
public final class FunctionEvalMetrics {

    private static final Map<String, ToDoubleFunction<ItemResult>> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("correct", ItemResult::correct);
        METRICS.put("prob", ItemResult::prob);
        METRICS.put("abs_distance", ItemResult::absDistance);
        METRICS.put("tvd", ItemResult::tvd);
    }

    private FunctionEvalMetrics() {}

    public static Map<String, Double> of(List<ItemResult> items) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<ItemResult> asked = items.stream().filter(r -> r.skipped() == null).toList();
        out.put("skipped", (double) (items.size() - asked.size()));
        for (String group : List.of("test", "train", "all")) {
            List<ItemResult> in = group.equals("all") ? asked
                    : asked.stream().filter(r -> r.role() == FunctionRole.valueOf(group.toUpperCase(java.util.Locale.ROOT))).toList();
            out.put("n_" + group, (double) in.size());
            METRICS.forEach((name, metric) -> {
                MeanSem m = MeanSem.of(in.stream().mapToDouble(metric).toArray());
                out.put(name + "_" + group + "_mean", m.mean());
                out.put(name + "_" + group + "_sem", m.sem());
            });
        }
        return out;
    }
}
