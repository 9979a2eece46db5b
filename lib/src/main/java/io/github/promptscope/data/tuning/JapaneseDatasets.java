package io.github.promptscope.data.tuning;

import io.github.promptscope.data.DataException;
import io.github.promptscope.data.Jsonl;
import io.github.promptscope.data.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Readers for the four published Japanese datasets of spec B4 in the reference's formats, from one
 * folder laid out as:
 *
 * <pre>
 * DIR/rcqa/{train,dev,test}-v1.0.json     JSON Lines: context, question, answer
 * DIR/jsnli/{train,dev,test}.tsv          tab-separated: id, label, sentence 1, sentence 2 (cols[1:4])
 * DIR/livedoor/{train,dev,test}.jsonl     JSON Lines: text, label "0".."8"
 * DIR/xlsum/{train,dev,test}.jsonl        JSON Lines: text, summary
 * </pre>
 *
 * Each split is sampled with the seed to 400 / 1000 / 1000 rows, all rows (in file order) when a
 * file has fewer, as the reference does. Strings are used exactly as in the files; truncation to
 * 512 / 64 tokens is the trainer's (it needs the model's tokenizer).
 */
public final class JapaneseDatasets {

    public static final List<String> NAMES = List.of("rcqa", "jsnli", "livedoor", "xlsum");
    public static final String DIR_PROPERTY = "promptscope.tuning.data";
    public static final String DIR_ENV = "PROMPTSCOPE_TUNING_DATA";

    static final int TRAIN = 400;
    static final int DEV = 1000;
    static final int TEST = 1000;

    /** Livedoor's label column to the channel names the model answers with (spec B4). */
    static final List<String> LIVEDOOR_NAMES = List.of("独女通信", "ITライフハック", "家電チャンネル", "livedoor HOMME",
            "MOVIE ENTER", "Peachy", "エスマックス", "Sports Watch", "トピックニュース");

    private JapaneseDatasets() {}

    /** The folder named by {@value #DIR_PROPERTY} or {@value #DIR_ENV}; neither set is an error saying how. */
    static Path configuredFolder(String task) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(DIR_ENV);
        }
        if (dir == null || dir.isBlank()) {
            throw new DataException("task \"" + task + "\" is read from the published dataset: set " + DIR_ENV
                    + " (or -D" + DIR_PROPERTY + ") to the folder holding " + task + "/ (layout in the README, "
                    + "\"P-tuning tasks and data\")");
        }
        return Path.of(dir);
    }

    /** The published task {@code name} read from {@code dir/name/}, each split sampled with {@code seed}. */
    public static TuningTask fromFolder(String name, Path dir, long seed) {
        Path folder = dir.resolve(name);
        return switch (name) {
            case "rcqa" -> task(name, folder, "-v1.0.json", seed, JapaneseDatasets::rcqa, "読解問題:", "答えなさい:",
                    false);
            case "jsnli" -> task(name, folder, ".tsv", seed, JapaneseDatasets::jsnli, "2文:", "推論関係:", false);
            case "livedoor" -> task(name, folder, ".jsonl", seed, JapaneseDatasets::livedoor,
                    "ニュース記事:", "カテゴリ分類:", false);
            case "xlsum" -> task(name, folder, ".jsonl", seed, JapaneseDatasets::xlsum, "記事本文:", "要約文:", true);
            default -> throw new IllegalArgumentException("unknown published P-tuning task \"" + name + "\" (known: "
                    + NAMES + ")");
        };
    }

    private interface Reader {
        List<TuningExample> read(Path file);
    }

    private static TuningTask task(String name, Path folder, String suffix, long seed, Reader reader,
            String before, String between, boolean rouge) {
        List<TuningExample> train = sample(reader.read(folder.resolve("train" + suffix)), TRAIN, new Random(seed));
        List<TuningExample> dev = sample(reader.read(folder.resolve("dev" + suffix)), DEV, new Random(seed + 1));
        List<TuningExample> test = sample(reader.read(folder.resolve("test" + suffix)), TEST, new Random(seed + 2));
        return new TuningTask(name, train, dev, test, before, between, rouge, true);
    }

    /** {@code k} rows drawn without replacement, or every row in file order when there are at most {@code k}. */
    static List<TuningExample> sample(List<TuningExample> rows, int k, Random rng) {
        if (rows.size() <= k) {
            return rows;
        }
        List<TuningExample> copy = new ArrayList<>(rows);
        Collections.shuffle(copy, rng);
        return List.copyOf(copy.subList(0, k));
    }

    /**
     * RCQA: query = context + question (no separator), answer = the span. Unanswerable items are
     * dropped: the reference removed them before writing its files (its README), so here an item
     * with a blank answer, or with {@code "answerable": false} when that field is present, is skipped.
     */
    static List<TuningExample> rcqa(Path file) {
        List<TuningExample> out = new ArrayList<>();
        for (Jsonl.Line line : Jsonl.read(file)) {
            String answer = line.text(file, "answer");
            boolean flaggedUnanswerable = line.node().has("answerable") && !line.node().get("answerable").asBoolean(true);
            if (answer.isBlank() || flaggedUnanswerable) {
                continue;
            }
            out.add(new TuningExample(line.text(file, "context") + line.text(file, "question"), answer));
        }
        return nonEmpty(out, file);
    }

    /** JSNLI: cols[1:4] = label, s1, s2; query and labels as {@link JapaneseNli}. */
    static List<TuningExample> jsnli(Path file) {
        List<TuningExample> out = new ArrayList<>();
        List<String> lines = TextFiles.utf8(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.strip().split("\t", -1);
            if (cols.length < 4) {
                throw DataException.at(file.toString(), i + 1, "expected 4 tab-separated columns (id, label, "
                        + "sentence 1, sentence 2), found " + cols.length);
            }
            String answer = JapaneseNli.LABELS.get(cols[1]);
            if (answer == null) {
                throw DataException.at(file.toString(), i + 1, "label \"" + cols[1] + "\" is not one of "
                        + JapaneseNli.LABELS.keySet());
            }
            out.add(new TuningExample(JapaneseNli.query(cols[2], cols[3]), answer));
        }
        return nonEmpty(out, file);
    }

    /** Livedoor news: text → the channel name of label "0".."8". */
    static List<TuningExample> livedoor(Path file) {
        List<TuningExample> out = new ArrayList<>();
        for (Jsonl.Line line : Jsonl.read(file)) {
            String label = line.text(file, "label");
            int k = label.matches("[0-8]") ? Integer.parseInt(label) : -1;
            if (k < 0) {
                throw DataException.at(file.toString(), line.line(), "field \"label\" must be \"0\"..\"8\", got \""
                        + label + "\"");
            }
            out.add(new TuningExample(line.text(file, "text"), LIVEDOOR_NAMES.get(k)));
        }
        return out;
    }

    /** XL-Sum (ja): text → summary. */
    static List<TuningExample> xlsum(Path file) {
        List<TuningExample> out = new ArrayList<>();
        for (Jsonl.Line line : Jsonl.read(file)) {
            out.add(new TuningExample(line.text(file, "text"), line.text(file, "summary")));
        }
        return out;
    }

    private static List<TuningExample> nonEmpty(List<TuningExample> rows, Path file) {
        if (rows.isEmpty()) {
            throw new DataException(file + ": no usable rows");
        }
        return rows;
    }
}
