package io.github.promptscope.data.tuning;

import java.util.List;

/**
 * The P-tuning tasks by name: the synthetic stand-ins of spec B6 and the readers of the four
 * published Japanese datasets (B4). Being filled in by the P-tuning data work; until then no task
 * is registered and every name is an error that lists the known ones.
 */
public final class TuningTasks {

    private TuningTasks() {}

    /** Every registered task name. */
    public static List<String> names() {
        return List.of();
    }

    /** The task {@code name} with its splits drawn with {@code seed}; an unknown name is an error listing the known ones. */
    public static TuningTask named(String name, long seed) {
        throw new IllegalArgumentException("unknown P-tuning task \"" + name + "\" (known: " + names() + ")");
    }
}
