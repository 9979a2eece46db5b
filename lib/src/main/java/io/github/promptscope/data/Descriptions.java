package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Paraphrases of task descriptions from {@code data_utils/descriptions.tsv}, ground truth first. */
public final class Descriptions {

    private Descriptions() {}

    public static Map<String, List<String>> forTasks(List<String> tasks) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : tasks) {
            List<String> list = new ArrayList<>();
            list.add(Datasets.task(t).info().description());
            out.put(t, list);
        }
        for (List<String> row : WordTable.read("descriptions.tsv", 2).rows()) {
            List<String> list = out.get(row.get(0));
            if (list != null) {
                list.add(row.get(1));
            }
        }
        return out;
    }
}
