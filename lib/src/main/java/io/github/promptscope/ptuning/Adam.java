package io.github.promptscope.ptuning;

import java.util.List;

/**
 * torch.optim.Adam over the encoder's parameters, with its semantics: weight decay is added to the
 * gradient (L2-style, not AdamW's decoupled decay), betas (0.9, 0.999), eps 1e-8 added after the
 * bias-corrected square root. The moments are public state so a run can be resumed exactly.
 */
final class Adam {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final List<Param> params;
    private final double weightDecay;
    final double[][] m;
    final double[][] v;
    long step;

    Adam(List<Param> params, double weightDecay) {
        this.params = params;
        this.weightDecay = weightDecay;
        this.m = new double[params.size()][];
        this.v = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            m[i] = new double[params.get(i).size()];
            v[i] = new double[params.get(i).size()];
        }
    }

    /** One update with learning rate {@code lr} from the gradients now in the parameters. */
    void step(double lr) {
        step++;
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = Math.sqrt(1 - Math.pow(BETA2, step));
        double stepSize = lr / correction1;
        for (int i = 0; i < params.size(); i++) {
            double[] w = params.get(i).value;
            double[] g = params.get(i).grad;
            double[] mi = m[i];
            double[] vi = v[i];
            for (int k = 0; k < w.length; k++) {
                double grad = g[k] + weightDecay * w[k];
                mi[k] = BETA1 * mi[k] + (1 - BETA1) * grad;
                vi[k] = BETA2 * vi[k] + (1 - BETA2) * grad * grad;
                w[k] -= stepSize * mi[k] / (Math.sqrt(vi[k]) / correction2 + EPS);
            }
        }
    }
}
