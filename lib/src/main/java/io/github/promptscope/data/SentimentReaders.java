package io.github.promptscope.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Readers for the four sentiment corpora iPrompt uses, each in the format its public copy ships in.
 * Labels become the output words of spec section 3.3: negative/positive, plus neutral for FFB.
 */
public final class SentimentReaders {

    private static final Map<String, String> BINARY = Map.of("0", "negative", "1", "positive");
    private static final List<String> FFB_LABELS = List.of("negative", "neutral", "positive");

    private SentimentReaders() {
    }

    /** SST-2 (GLUE): TSV with header {@code sentence\tlabel}, label 0/1. */
    public static List<LabeledText> sst2(Path path) {
        String[] lines = TextFiles.utf8(path).split("\n", -1);
        String header = lines.length == 0 ? "" : lines[0].strip();
        if (!header.equals("sentence\tlabel")) {
            throw DataException.at(path.toString(), 1, "expected header \"sentence<TAB>label\", got \"" + header + "\"");
        }
        List<LabeledText> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab < 0) {
                throw DataException.at(path.toString(), i + 1, "expected sentence<TAB>label: " + line);
            }
            out.add(new LabeledText(line.substring(0, tab), label(path, i + 1, line.substring(tab + 1).strip(), BINARY)));
        }
        return nonEmpty(path, out);
    }

    /** IMDB (Kaggle 50k copy): CSV with header {@code review,sentiment}, sentiment positive/negative. */
    public static List<LabeledText> imdb(Path path) {
        List<Csv.Record> records = Csv.parse(path, TextFiles.utf8(path));
        if (records.isEmpty() || !records.get(0).fields().equals(List.of("review", "sentiment"))) {
            throw DataException.at(path.toString(), 1, "expected header \"review,sentiment\"");
        }
        List<LabeledText> out = new ArrayList<>();
        for (Csv.Record r : records.subList(1, records.size())) {
            if (r.fields().size() != 2) {
                throw DataException.at(path.toString(), r.line(), "expected 2 fields, found " + r.fields().size());
            }
            String label = r.fields().get(1).strip().toLowerCase(Locale.ROOT);
            if (!label.equals("positive") && !label.equals("negative")) {
                throw DataException.at(path.toString(), r.line(), "sentiment must be positive or negative, got \""
                        + r.fields().get(1) + "\"");
            }
            out.add(new LabeledText(r.fields().get(0), label));
        }
        return nonEmpty(path, out);
    }

    /** Rotten Tomatoes (Hugging Face export): JSONL {@code {"text": ..., "label": 0/1}}. */
    public static List<LabeledText> rottenTomatoes(Path path) {
        List<LabeledText> out = new ArrayList<>();
        for (Jsonl.Line line : Jsonl.read(path)) {
            out.add(new LabeledText(line.text(path, "text"), label(path, line.line(), line.text(path, "label"), BINARY)));
        }
        return out;
    }

    /** Financial Phrasebank: {@code sentence@label} lines, latin-1 or UTF-8; label negative/neutral/positive. */
    public static List<LabeledText> financialPhrasebank(Path path) {
        String[] lines = TextFiles.utf8OrLatin1(path).split("\n", -1);
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int at = line.lastIndexOf('@');
            String label = at < 0 ? "" : line.substring(at + 1).strip();
            if (at < 0 || !FFB_LABELS.contains(label)) {
                throw DataException.at(path.toString(), i + 1, "expected sentence@negative|neutral|positive: " + line);
            }
            out.add(new LabeledText(line.substring(0, at), label));
        }
        return nonEmpty(path, out);
    }

    private static String label(Path path, long line, String raw, Map<String, String> words) {
        String word = words.get(raw);
        if (word == null) {
            throw DataException.at(path.toString(), line, "label must be one of " + words.keySet() + ", got \"" + raw + "\"");
        }
        return word;
    }

    private static List<LabeledText> nonEmpty(Path path, List<LabeledText> out) {
        if (out.isEmpty()) {
            throw new DataException(path + ": no examples");
        }
        return out;
    }
}
