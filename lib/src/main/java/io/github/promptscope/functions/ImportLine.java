package io.github.promptscope.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * The first line of every program, {@code from functions import a, b} (the reference's
 * {@code get_import_str}): the names used, plus random extra names until there are
 * {@code minImports} (drawn with replacement, so fewer may remain), deduplicated, sorted, shuffled.
 *
 * @param text the line
 * @param names the imported names in the line's order
 */
public record ImportLine(String text, List<String> names) {

    public static final String MODULE = "functions";

    public ImportLine {
        names = List.copyOf(names);
    }

    /**
     * @param allNames every hidden name of the finetune
     * @param used the names the program calls (in any order; repeats allowed)
     * @param withReplacement whether extras may repeat (inverse_query draws distinct names)
     */
    public static ImportLine build(List<String> allNames, List<String> used, int minImports, boolean withReplacement,
            Rng rng) {
        List<String> pool = new ArrayList<>(allNames);
        Collections.sort(pool);
        List<String> chosen = new ArrayList<>(used);
        Collections.sort(chosen);
        int extra = minImports - chosen.size();
        if (extra > 0) {
            if (withReplacement) {
                for (int i = 0; i < extra; i++) {
                    chosen.add(rng.choice(pool));
                }
            } else {
                if (extra > pool.size()) {
                    throw new IllegalArgumentException("cannot import " + minImports + " distinct names from "
                            + pool.size());
                }
                chosen.addAll(rng.permutation(pool).subList(0, extra));
            }
        }
        List<String> unique = new ArrayList<>(new TreeSet<>(chosen));
        rng.shuffle(unique);
        return new ImportLine("from " + MODULE + " import " + String.join(", ", unique), unique);
    }
}
