package io.github.promptscope.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The input ranges of the eval templates (spec A7; A5 for Functions-large), all half-open: in
 * distribution {@code [input_min, input_max)}, the out-of-distribution halves (one drawn with
 * probability ½ per item), the small range of composition and add/subtract, and how many items a
 * template makes by default.
 *
 * @param nItems items per template when the caller does not say (the spec's 1000/2000/500 are
 *     scaled for CPU; {@link EvalTemplates#specItems} has the spec's numbers)
 */
public record EvalRanges(int inputMin, int inputMax, List<int[]> oodRanges, int smallMin, int smallMax,
        int smallOtherMax, int nItems) {

    public EvalRanges {
        oodRanges = List.copyOf(oodRanges);
    }

    static EvalRanges read(JsonNode node, String path, ConfigFields f) {
        List<int[]> ood = new ArrayList<>();
        if (node.has("ood_ranges")) {
            JsonNode list = f.array(node, path, "ood_ranges");
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                if (!r.isArray() || r.size() != 2 || !r.get(0).canConvertToInt() || !r.get(1).canConvertToInt()
                        || r.get(1).intValue() <= r.get(0).intValue()) {
                    throw f.error(path + ".ood_ranges[" + i + "]", "must be [min, max) with max > min, got " + r);
                }
                ood.add(new int[] {r.get(0).intValue(), r.get(1).intValue()});
            }
        }
        int n = f.integer(node, path, "n_items");
        if (n < 1) {
            throw f.error(path + ".n_items", "must be at least 1");
        }
        return new EvalRanges(f.integer(node, path, "input_min"), f.integer(node, path, "input_max"), ood,
                f.integer(node, path, "small_input_min", -15), f.integer(node, path, "small_input_max", 15),
                f.integer(node, path, "small_other_input_max", 15), n);
    }
}
