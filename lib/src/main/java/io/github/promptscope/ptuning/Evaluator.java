package io.github.promptscope.ptuning;

import io.github.promptscope.data.tuning.TuningExample;
import io.github.promptscope.lm.SoftPromptScore;
import io.github.promptscope.lm.SoftPrompts;
import io.github.promptscope.lm.SoftSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Teacher-forced scoring and greedy generation of a split under fixed prompt vectors, in batches. */
public final class Evaluator {

    private final SoftPrompts soft;
    private final TemplateLayout layout;
    private final int batchSize;

    public Evaluator(SoftPrompts soft, TemplateLayout layout, int batchSize) {
        this.soft = soft;
        this.layout = layout;
        this.batchSize = batchSize;
    }

    public TeacherForced teacherForced(float[][] rows, List<TuningExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to evaluate");
        }
        List<long[]> gold = new ArrayList<>();
        List<long[]> predicted = new ArrayList<>();
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start < examples.size(); start += batchSize) {
            List<TuningExample> batch = examples.subList(start, Math.min(examples.size(), start + batchSize));
            List<SoftSequence> seqs = batch.stream().map(layout::scored).toList();
            List<SoftPromptScore> scores = soft.score(rows, seqs);
            double nll = 0;
            long tokens = 0;
            for (int i = 0; i < batch.size(); i++) {
                SoftSequence s = seqs.get(i);
                gold.add(Arrays.copyOfRange(s.ids(), s.firstTarget(), s.length()));
                predicted.add(scores.get(i).argmax());
                nll -= scores.get(i).sum();
                tokens += scores.get(i).logProbs().length;
            }
            lossSum += nll / tokens;
            batches++;
        }
        return new TeacherForced(gold, predicted, lossSum / batches, batchSize);
    }

    /**
     * Greedy continuations after each example's second prompt part, at most as many tokens as its
     * targets (answer + EOS) and ending at EOS: the free-running counterpart of teacher forcing.
     */
    public List<long[]> greedy(float[][] rows, List<TuningExample> examples, long eos) {
        List<long[]> out = new ArrayList<>();
        for (int start = 0; start < examples.size(); start += batchSize) {
            List<TuningExample> batch = examples.subList(start, Math.min(examples.size(), start + batchSize));
            int longest = batch.stream().mapToInt(e -> layout.targets(e).length).max().orElse(1);
            long[][] gen = soft.generateGreedy(rows, batch.stream().map(layout::prompt).toList(), longest, eos);
            for (int i = 0; i < batch.size(); i++) {
                int limit = layout.targets(batch.get(i)).length;
                out.add(Arrays.copyOf(gen[i], Math.min(limit, gen[i].length)));
            }
        }
        return out;
    }

    /** Whether each generation equals its example's targets exactly (answer then EOS). */
    public List<Boolean> greedyExact(List<long[]> generated, List<TuningExample> examples) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            out.add(Arrays.equals(generated.get(i), layout.targets(examples.get(i))));
        }
        return out;
    }
}
