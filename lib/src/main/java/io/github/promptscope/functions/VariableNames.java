package io.github.promptscope.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The hidden names of one finetune (spec A2): 6 random lowercase letters per function, unique within
 * the finetune, sorted, permuted by the rng and zipped with the sorted function keys. Callers draw the
 * names of finetune 1, 2, ... from one rng seeded with {@code --seed}, as the reference does.
 *
 * <p>Local port: the reference keeps a candidate only if tiktoken's cl100k splits it into exactly 3
 * tokens (a GPT-3.5 property); here every 6-letter string is kept, so the only filter is uniqueness.
 */
public final class VariableNames {

    public static final int LENGTH = 6;

    private VariableNames() {}

    /** name -> function key, in the permuted order (the reference's {@code var_dict}). */
    public static Map<String, String> assign(List<String> functionKeys, Rng rng) {
        List<String> keys = new ArrayList<>(functionKeys);
        Collections.sort(keys);
        if (new TreeSet<>(keys).size() != keys.size()) {
            throw new IllegalArgumentException("a function is listed twice: " + keys);
        }
        TreeSet<String> names = new TreeSet<>();
        while (names.size() < keys.size()) {
            StringBuilder name = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                name.append((char) ('a' + rng.integers(0, 26)));
            }
            names.add(name.toString());
        }
        List<String> permuted = rng.permutation(names); // TreeSet iterates sorted, as the reference sorts first
        Map<String, String> varDict = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            varDict.put(permuted.get(i), keys.get(i));
        }
        return varDict;
    }
}
