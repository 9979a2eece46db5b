package io.github.promptscope.ptuning;

import java.util.Map;

/**
 * Turns a teacher-forced pass into named metrics. The metrics live above this package (token
 * accuracy, exact match, ROUGE), so the caller composes them and hands them in.
 */
@FunctionalInterface
public interface RunScorer {

    /** The metric early stopping reads; every scorer must report it. */
    String TOKEN_ACCURACY = "token_accuracy";

    /** Metric name to value, including {@link #TOKEN_ACCURACY}. */
    Map<String, Double> score(TeacherForced pass);
}
