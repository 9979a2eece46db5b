package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of generated tasks: {@code Datasets.get("add_two", seed, n)}.
 *
 * <p>File-backed corpora (SST-2, IMDB, Rotten Tomatoes, Financial Phrasebank, user JSONL, fMRI) are
 * read with {@link SentimentReaders}, {@link UserDatasets} and {@link VoxelWords} instead, since they
 * need a path.
 */
public final class Datasets {

    private static final Map<String, Task> TASKS = register();

    private Datasets() {
    }

    private static Map<String, Task> register() {
        List<Task> all = new ArrayList<>(MathTasks.all());
        List<Task> language = new ArrayList<>(LanguageTasks.all());
        language.addAll(InductionTasks.all());
        language.addAll(AnliTasks.all());
        // stable: induction tasks first, then the ANLI stand-ins, each in definition order
        language.sort(java.util.Comparator.comparing((Task t) -> !t.info().collection().equals("induction")));
        all.addAll(language);
        all.add(SentimentTasks.synthetic());
        all.addAll(CategoryTasks.all()); // last, so every earlier listing keeps its order
        Map<String, Task> byName = new LinkedHashMap<>();
        for (Task t : all) {
            if (byName.put(t.name(), t) != null) {
                throw new IllegalStateException("duplicate task name " + t.name());
            }
        }
        return byName;
    }

    /** Up to {@code n} examples of a task, generated and split deterministically from {@code seed}. */
    public static Dataset get(String name, long seed, int n) {
        return task(name).dataset(seed, n);
    }

    /** The task itself, for custom splits; an unknown name lists the known ones. */
    public static Task task(String name) {
        Task t = TASKS.get(name);
        if (t == null) {
            throw new DataException("unknown task \"" + name + "\"; known tasks: " + String.join(", ", TASKS.keySet()));
        }
        return t;
    }

    public static Optional<Task> find(String name) {
        return Optional.ofNullable(TASKS.get(name));
    }

    /** Every generated task's info, in registry order (math, language, sentiment, categories). */
    public static List<TaskInfo> list() {
        return TASKS.values().stream().map(Task::info).toList();
    }
}
