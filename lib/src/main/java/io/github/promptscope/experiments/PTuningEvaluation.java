package io.github.promptscope.experiments;

import io.github.promptscope.data.tuning.TuningExample;
import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.ptuning.Evaluator;
import io.github.promptscope.ptuning.PTuningConfig;
import io.github.promptscope.ptuning.PromptReadout;
import io.github.promptscope.ptuning.SlotReadout;
import io.github.promptscope.ptuning.TeacherForced;
import io.github.promptscope.ptuning.TemplateLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of fixed prompt vectors on a split (spec B3, B6): the teacher-forced metrics (token
 * accuracy, exact match or ROUGE, loss), greedy-generation exact match, the per-example lines of
 * {@code --metrics-to-file}, and each slot's nearest vocabulary tokens.
 *
 * @param metrics metric name to value, {@code greedy_exact_match} last
 * @param perExample one line per example: exact match 0/1, or {@code r1<TAB>r2<TAB>rL}
 * @param slots the readout, empty when {@code topK} is 0
 */
public record PTuningEvaluation(Map<String, Double> metrics, List<String> perExample, List<SlotReadout> slots) {

    public static PTuningEvaluation run(LanguageModel lm, TuningTask task, PTuningConfig cfg, float[][] rows,
            long[] anchorIds, List<TuningExample> examples, int topK) {
        long eos = PTuningRuns.eos(lm);
        Evaluator eval = new Evaluator(lm.softPrompts(), new TemplateLayout(lm.tokenizer(), cfg, eos,
                lm.config().maxPositions()), cfg.evalBatch());
        PTuningScoring scoring = new PTuningScoring(task, lm.tokenizer(), eos);
        TeacherForced pass = eval.teacherForced(rows, examples);
        Map<String, Double> metrics = new LinkedHashMap<>(scoring.score(pass));
        List<Boolean> greedy = eval.greedyExact(eval.greedy(rows, examples, eos), examples);
        metrics.put("greedy_exact_match", greedy.stream().filter(b -> b).count() / (double) greedy.size());
        List<SlotReadout> slots = topK > 0
                ? new PromptReadout(lm.softPrompts(), lm.tokenizer()).read(rows, anchorIds, topK) : List.of();
        return new PTuningEvaluation(metrics, scoring.perExampleLines(pass), slots);
    }
}
