package io.github.promptscope.data.tuning;

import java.util.List;

/** The five stand-ins of spec B6 in a fixed order (the corpus and the registry list them so). */
final class ToyTasks {

    private ToyTasks() {}

    static List<ToyTask> all() {
        return List.of(new ToyRcqa(), new ToyNli(), new ToyTopic(), new ToySummary(), new ToyJapaneseNli());
    }
}
