package io.github.promptscope.experiments;

import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Example;
import io.github.promptscope.results.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a search ran on and how they were made: what a run record's id covers about the data.
 * The id hashes the rows themselves, so two files of the same name, or a user file named like a
 * task, never share a record, and the settings that made them ({@code --n}, the train fraction,
 * the layout) are recorded beside the hash so a reader sees why two runs differ.
 *
 * @param dataset  the name a record is labelled with: a task's name, or a user file's name with its
 *                 extension ({@code add_two.jsonl}, never to be mistaken for the task {@code add_two})
 * @param source   {@code task} (generated), {@code jsonl} or {@code lines} (a user's files)
 * @param settings how the rows came from the source, e.g. {@code n} and {@code trainFraction}
 * @param inputs   the inputs, in the order the search receives them
 * @param outputs  the matching outputs
 */
public record SearchedRows(String dataset, String source, Map<String, Object> settings, List<String> inputs,
                           List<String> outputs) {

    public SearchedRows {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (inputs.size() != outputs.size()) {
            throw new IllegalArgumentException(inputs.size() + " inputs but " + outputs.size() + " outputs");
        }
    }

    /** The train split of a generated task: {@code n} examples, {@code trainFraction} of them searched. */
    public static SearchedRows task(Dataset d, int n, double trainFraction) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("n", n);
        s.put("trainFraction", trainFraction);
        return of(d.name(), "task", s, d.train());
    }

    /**
     * The searched split of a user's file(s). {@code source} is {@code jsonl} or {@code lines};
     * {@code settings} names the files and how they were read (layout, train fraction).
     */
    public static SearchedRows file(String fileName, String source, Map<String, Object> settings, Dataset d) {
        return of(fileName, source, settings, d.train());
    }

    private static SearchedRows of(String dataset, String source, Map<String, Object> settings, List<Example> rows) {
        return new SearchedRows(dataset, source, settings, rows.stream().map(Example::input).toList(),
                rows.stream().map(Example::output).toList());
    }

    /** SHA-256 of the rows as JSON (inputs, then outputs), so any change to any string changes it. */
    public String sha256() {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("inputs", inputs);
        rows.put("outputs", outputs);
        return Json.sha256(Json.canonical(rows));
    }

    /** The record's {@code data} parameters: source, settings, row count and the rows' hash. */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", source);
        p.putAll(settings);
        p.put("rows", inputs.size());
        p.put("rowsSha256", sha256());
        return p;
    }
}
