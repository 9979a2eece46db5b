package io.github.promptscope.metrics;

/** Pearson correlation (neuron simulation scoring) and cosine similarity. */
public final class Correlation {

    private Correlation() {
    }

    /**
     * Pearson r. NaN when either vector is constant, as the neuron spec requires (report as null),
     * rather than a misleading 0.
     */
    public static double pearson(double[] x, double[] y) {
        checkPair(x, y);
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Cosine of the angle between x and y; NaN if either is the zero vector. */
    public static double cosine(double[] x, double[] y) {
        checkPair(x, y);
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        if (nx == 0 || ny == 0) {
            return Double.NaN;
        }
        return dot / (Math.sqrt(nx) * Math.sqrt(ny));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static void checkPair(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors differ in length: " + x.length + " vs " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("empty vectors");
        }
    }
}
