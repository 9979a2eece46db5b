package io.github.promptscope.experiments;

import io.github.promptscope.data.tuning.TuningExample;
import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.data.tuning.TuningTasks;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.metrics.EnglishTokens;
import io.github.promptscope.metrics.JapaneseTokens;
import io.github.promptscope.metrics.Rouge;
import io.github.promptscope.metrics.TokenAccuracy;
import io.github.promptscope.metrics.TokenScores;
import io.github.promptscope.metrics.Tokenization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * What the P-tuning base model ({@code models/tuning}) knows before any tuning: per stand-in task, on
 * its test rows, the teacher-forced token accuracy, exact match (answer tokens and the final EOS, as
 * spec B3) and answer loss with the human prompt written out as text, and with no prompt at all. The
 * layout is {@code " " + before + " " + query + " " + between + " " + answer}, then EOS (every part
 * space-prefixed, as the corpus documents are, so each word is its trained {@code Ġword} token); bare
 * is {@code " " + query + " " + answer}, then EOS. It also counts the prompt parts' tokens (3 + 3).
 */
public final class TuningModelCheck {

    /**
     * One task's numbers.
     *
     * @param promptRougeL ROUGE-L F1 of the argmax answer tokens (decoded) with the prompt, for tasks
     *     scored by ROUGE; NaN otherwise
     * @param promptAnswerLoss mean -ln p of the answer tokens and EOS with the prompt, nats per token
     */
    public record TaskRow(String task, int beforeTokens, int betweenTokens, int maxQueryTokens, int maxAnswerTokens,
            double promptTokenAccuracy, double promptExactMatch, double promptRougeL, double promptAnswerLoss,
            double bareTokenAccuracy, double bareExactMatch, double bareAnswerLoss) {}

    private record Scored(List<List<Long>> predicted, List<List<Long>> gold, double loss) {}

    private TuningModelCheck() {}

    public static List<TaskRow> run(LanguageModel lm, long seed) {
        List<TaskRow> rows = new ArrayList<>();
        for (String name : TuningTasks.standInNames()) {
            rows.add(check(lm, TuningTasks.named(name, seed)));
        }
        return rows;
    }

    /** One task's numbers on its test rows. */
    public static TaskRow check(LanguageModel lm, TuningTask task) {
        TextTokenizer tok = lm.tokenizer();
        long[] before = tok.encode(" " + task.promptBefore());
        long[] between = tok.encode(" " + task.promptBetween());
        int maxQuery = 0;
        int maxAnswer = 0;
        for (TuningExample e : task.test()) {
            maxQuery = Math.max(maxQuery, tok.encode(" " + e.query()).length);
            maxAnswer = Math.max(maxAnswer, tok.encode(" " + e.answer()).length);
        }
        Scored withPrompt = score(lm, task.test(), before, between);
        Scored bare = score(lm, task.test(), new long[0], new long[0]);
        TokenScores p = TokenAccuracy.score(withPrompt.predicted(), withPrompt.gold());
        TokenScores b = TokenAccuracy.score(bare.predicted(), bare.gold());
        double rougeL = task.scoredByRouge() ? meanRougeL(tok, task, withPrompt) : Double.NaN;
        return new TaskRow(task.name(), before.length, between.length, maxQuery, maxAnswer, p.tokenAccuracy(),
                p.exactMatch(), rougeL, withPrompt.loss(), b.tokenAccuracy(), b.exactMatch(), bare.loss());
    }

    private static Scored score(LanguageModel lm, List<TuningExample> rows, long[] before, long[] between) {
        TextTokenizer tok = lm.tokenizer();
        long eos = lm.config().eosTokenId();
        List<List<Long>> predicted = new ArrayList<>();
        List<List<Long>> gold = new ArrayList<>();
        double nll = 0;
        long targets = 0;
        for (TuningExample e : rows) {
            long[] prefix = concat(before, tok.encode(" " + e.query()), between);
            long[] answer = tok.encode(" " + e.answer());
            long[] ids = concat(prefix, answer);
            long[] labels = concat(answer, new long[] {eos});
            float[][] logProbs = lm.nextTokenLogProbs(ids);
            List<Long> argmax = new ArrayList<>();
            for (int k = 0; k < labels.length; k++) {
                float[] row = logProbs[prefix.length - 1 + k];
                argmax.add((long) argmax(row));
                nll -= row[(int) labels[k]];
            }
            targets += labels.length;
            predicted.add(argmax);
            gold.add(LongStream.of(labels).boxed().toList());
        }
        return new Scored(predicted, gold, nll / targets);
    }

    private static double meanRougeL(TextTokenizer tok, TuningTask task, Scored s) {
        Tokenization tokens = task.japanese() ? JapaneseTokens.withProjectStopWords() : EnglishTokens.withProjectStopWords();
        double sum = 0;
        for (int i = 0; i < s.gold().size(); i++) {
            sum += Rouge.rougeL(decodeAnswer(tok, s.gold().get(i)), decodeAnswer(tok, s.predicted().get(i)), tokens)
                    .fmeasure();
        }
        return sum / s.gold().size();
    }

    /** The answer positions' tokens without the final (EOS) position, as text. */
    private static String decodeAnswer(TextTokenizer tok, List<Long> ids) {
        return tok.decode(ids.subList(0, ids.size() - 1).stream().mapToLong(Long::longValue).toArray());
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static long[] concat(long[]... parts) {
        return Arrays.stream(parts).flatMapToLong(LongStream::of).toArray();
    }
}
