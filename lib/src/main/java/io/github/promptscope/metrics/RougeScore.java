package io.github.promptscope.metrics;

/** Precision, recall and F-measure (F1, alpha 0.5) of one ROUGE variant. */
public record RougeScore(double precision, double recall, double fmeasure) {

    static RougeScore of(double precision, double recall) {
        double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new RougeScore(precision, recall, f);
    }
}
