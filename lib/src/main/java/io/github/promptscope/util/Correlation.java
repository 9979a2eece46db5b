package io.github.promptscope.util;

/**
 * Pearson correlation and cosine similarity, in the lowest layer so that the systems (neuron
 * simulate-and-score) and the metrics above them share one implementation.
 */
public final class Correlation {

    private Correlation() {
    }

    /**
     * Pearson r as {@code numpy.corrcoef(x, y)[0, 1]} computes it: covariances over n - 1, divided
     * by each standard deviation in turn, clipped to [-1, 1]. That order of operations is kept so
     * neuron scores equal OpenAI's scoring.py to 1e-12. NaN when either vector is constant or has
     * one element, as the neuron spec requires (reported as null), rather than a misleading 0.
     */
    public static double pearson(double[] x, double[] y) {
        checkPair(x, y);
        if (x.length < 2) {
            return Double.NaN;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        int dof = x.length - 1;
        double r = sxy / dof / Math.sqrt(sxx / dof) / Math.sqrt(syy / dof);
        return Math.max(-1, Math.min(1, r));
    }

    /** {@link #cosine(double[], double[])} of float vectors (embeddings), computed in double. */
    public static double cosine(float[] x, float[] y) {
        return cosine(toDouble(x), toDouble(y));
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
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
