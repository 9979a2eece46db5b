package io.github.promptscope.experiments;

import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.metrics.EnglishTokens;
import io.github.promptscope.metrics.JapaneseTokens;
import io.github.promptscope.metrics.Rouge;
import io.github.promptscope.metrics.TokenAccuracy;
import io.github.promptscope.metrics.TokenScores;
import io.github.promptscope.metrics.Tokenization;
import io.github.promptscope.ptuning.RunScorer;
import io.github.promptscope.ptuning.TeacherForced;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of a P-tuning pass, composed from {@code metrics} for the trainer and {@code ptuning eval}
 * (spec B3): token accuracy and exact match (per-batch means, then the mean over batches), or for a
 * summary task ROUGE-1/2/L F1 of the decoded teacher-forced argmax against the decoded targets, plus
 * the loss. The end-of-sequence token is scored by token accuracy and exact match but left out of the
 * decoded text ROUGE reads, where it would only glue a marker onto the last word.
 */
public final class PTuningScoring {

    private final TuningTask task;
    private final TextTokenizer tokenizer;
    private final long eos;
    /**
     * ROUGE's words: Kuromoji with the project's stop-word handling for Japanese (spec B3); for English
     * whitespace tokens minus the small project stop list (spec B6), as {@code ptuning base-model} scores.
     */
    private final Tokenization words;

    public PTuningScoring(TuningTask task, TextTokenizer tokenizer, long eos) {
        this.task = task;
        this.tokenizer = tokenizer;
        this.eos = eos;
        this.words = task.japanese() ? JapaneseTokens.withProjectStopWords() : EnglishTokens.withProjectStopWords();
    }

    public RunScorer scorer() {
        return this::score;
    }

    public Map<String, Double> score(TeacherForced pass) {
        TokenScores s = TokenAccuracy.score(boxed(pass.predicted()), boxed(pass.gold()), pass.batchSize());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(RunScorer.TOKEN_ACCURACY, s.tokenAccuracy());
        if (task.scoredByRouge()) {
            double[][] rows = rouge(pass);
            for (int m = 0; m < 3; m++) {
                out.put(ROUGE_NAMES.get(m), batchMean(rows, m, pass.batchSize()));
            }
        } else {
            out.put("exact_match", s.exactMatch());
        }
        out.put("loss", pass.loss());
        return out;
    }

    /** The reference's per-example file (eval_metrics_to_file): exact match 0/1, or "r1\tr2\trL", one line per example. */
    public List<String> perExampleLines(TeacherForced pass) {
        List<String> lines = new ArrayList<>();
        if (task.scoredByRouge()) {
            for (double[] r : rouge(pass)) {
                lines.add(r[0] + "\t" + r[1] + "\t" + r[2]);
            }
        } else {
            for (int e : TokenAccuracy.score(boxed(pass.predicted()), boxed(pass.gold()), pass.batchSize()).perExample()) {
                lines.add(Integer.toString(e));
            }
        }
        return lines;
    }

    /** The text a pass predicted for each example (teacher-forced argmax, EOS dropped). */
    public List<String> decoded(List<long[]> ids) {
        return ids.stream().map(this::text).toList();
    }

    private static final List<String> ROUGE_NAMES = List.of("rouge_1", "rouge_2", "rouge_l");

    private double[][] rouge(TeacherForced pass) {
        double[][] out = new double[pass.gold().size()][3];
        for (int i = 0; i < out.length; i++) {
            String gold = text(pass.gold().get(i));
            String pred = text(pass.predicted().get(i));
            out[i][0] = Rouge.rougeN(gold, pred, 1, words).fmeasure();
            out[i][1] = Rouge.rougeN(gold, pred, 2, words).fmeasure();
            out[i][2] = Rouge.rougeL(gold, pred, words).fmeasure();
        }
        return out;
    }

    private String text(long[] ids) {
        return tokenizer.decode(Arrays.stream(ids).filter(id -> id != eos).toArray());
    }

    /** Per-batch means, then their mean, as the reference averages every metric. */
    private static double batchMean(double[][] rows, int column, int batch) {
        double sum = 0;
        int batches = 0;
        for (int start = 0; start < rows.length; start += batch) {
            int end = Math.min(rows.length, start + batch);
            double s = 0;
            for (int i = start; i < end; i++) {
                s += rows[i][column];
            }
            sum += s / (end - start);
            batches++;
        }
        return sum / batches;
    }

    private static List<List<Long>> boxed(List<long[]> ids) {
        return ids.stream().map(a -> Arrays.stream(a).boxed().toList()).toList();
    }
}
