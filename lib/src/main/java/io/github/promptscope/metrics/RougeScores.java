package io.github.promptscope.metrics;

/** ROUGE-1, ROUGE-2 and ROUGE-L F1 (alpha 0.5) of one candidate against one reference, each in [0, 1]. */
public record RougeScores(double rouge1, double rouge2, double rougeL) {}
