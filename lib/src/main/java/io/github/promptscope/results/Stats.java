package io.github.promptscope.results;

import io.github.promptscope.metrics.MeanSem;
import tech.tablesaw.aggregate.NumericAggregateFunction;
import tech.tablesaw.api.NumericColumn;

/** Aggregations the papers' tables need that Tablesaw lacks, and the column names Tablesaw gives them. */
public final class Stats {

    /**
     * Standard error of the mean: sample standard deviation (n - 1) over sqrt(n), missing values
     * ignored; NaN with fewer than two values, since one run says nothing about spread.
     */
    public static final NumericAggregateFunction STD_ERR = new NumericAggregateFunction("Std. Error") {
        @Override
        public Double summarize(NumericColumn<?> column) {
            // isMissing, not NaN checks: integer columns mark missing with a sentinel, not NaN.
            double[] v = java.util.stream.IntStream.range(0, column.size()).filter(i -> !column.isMissing(i))
                    .mapToDouble(column::getDouble).toArray();
            return MeanSem.of(v).sem();
        }
    };

    private Stats() {
    }

    /** The name Tablesaw gives an aggregate column, e.g. {@code col("metrics.mrr", "Mean")} = {@code "Mean [metrics.mrr]"}. */
    public static String col(String valueColumn, String functionName) {
        return functionName + " [" + valueColumn + "]";
    }
}
