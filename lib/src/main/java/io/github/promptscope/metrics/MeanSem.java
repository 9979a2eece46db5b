package io.github.promptscope.metrics;

/**
 * A mean with its standard error, as the papers' tables report them ("mean ± SEM"): the sample
 * standard deviation (n - 1) over sqrt(n). NaN values (a metric an item does not have) are left out;
 * the SEM is NaN with fewer than two values, since one value says nothing about spread.
 */
public record MeanSem(double mean, double sem, int n) {

    public static MeanSem of(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new MeanSem(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n < 2) {
            return new MeanSem(mean, Double.NaN, n);
        }
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new MeanSem(mean, Math.sqrt(ss / (n - 1)) / Math.sqrt(n), n);
    }
}
