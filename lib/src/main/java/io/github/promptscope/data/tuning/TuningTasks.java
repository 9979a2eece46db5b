package io.github.promptscope.data.tuning;

import java.util.ArrayList;
import java.util.List;

/**
 * The P-tuning tasks by name: the synthetic stand-ins of spec B6, generated (400 / 200 / 200 rows,
 * seeded), and the four published Japanese datasets of B4 ({@link JapaneseDatasets}), read from
 * the folder named by system property {@value JapaneseDatasets#DIR_PROPERTY} or environment
 * variable {@value JapaneseDatasets#DIR_ENV}; {@link JapaneseDatasets#fromFolder} takes the folder
 * directly.
 */
public final class TuningTasks {

    private TuningTasks() {}

    /** Every registered task name: the stand-ins, then the published datasets. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(standInNames());
        names.addAll(JapaneseDatasets.NAMES);
        return List.copyOf(names);
    }

    /** The generated stand-in tasks, which need no files. */
    public static List<String> standInNames() {
        return ToyTasks.all().stream().map(ToyTask::name).toList();
    }

    /** The task {@code name} with its splits drawn with {@code seed}; an unknown name is an error listing the known ones. */
    public static TuningTask named(String name, long seed) {
        for (ToyTask t : ToyTasks.all()) {
            if (t.name().equals(name)) {
                return ToySplits.draw(t, seed);
            }
        }
        if (JapaneseDatasets.NAMES.contains(name)) {
            return JapaneseDatasets.fromFolder(name, JapaneseDatasets.configuredFolder(name), seed);
        }
        throw new IllegalArgumentException("unknown P-tuning task \"" + name + "\" (known: " + names() + ")");
    }
}
