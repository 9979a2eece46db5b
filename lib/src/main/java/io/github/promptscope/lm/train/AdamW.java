package io.github.promptscope.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW with decoupled weight decay (Loshchilov and Hutter), on NDArrays, updating weights in
 * place. Moments live in the optimizer's own manager so that they can be saved and restored.
 */
public final class AdamW implements AutoCloseable {

    private final TrainerConfig cfg;
    private final NDManager manager;
    final Map<String, NDArray> firstMoment = new LinkedHashMap<>();
    final Map<String, NDArray> secondMoment = new LinkedHashMap<>();

    AdamW(TrainerConfig cfg, NDManager parent) {
        this.cfg = cfg;
        this.manager = parent.newSubManager();
    }

    /**
     * One update of every parameter from its gradient, after scaling all gradients by
     * {@code gradScale} (the clip factor). {@code step} counts from 1 for bias correction.
     */
    void update(Map<String, NDArray> params, Map<String, NDArray> grads, double lr, double gradScale, int step) {
        double c1 = 1 - Math.pow(cfg.beta1(), step);
        double c2 = 1 - Math.pow(cfg.beta2(), step);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            try (NDScope ignored = new NDScope()) {
                NDArray w = e.getValue();
                NDArray g = grads.get(e.getKey()).mul((float) gradScale);
                NDArray m = moment(firstMoment, e.getKey(), w);
                NDArray v = moment(secondMoment, e.getKey(), w);
                m.muli((float) cfg.beta1()).addi(g.mul((float) (1 - cfg.beta1())));
                v.muli((float) cfg.beta2()).addi(g.square().mul((float) (1 - cfg.beta2())));
                NDArray step1 = m.div((float) c1).div(v.div((float) c2).sqrt().add((float) cfg.epsilon()));
                NDArray detached = w.stopGradient(); // same storage, outside autograd
                if (w.getShape().dimension() >= 2 && cfg.weightDecay() > 0) {
                    step1 = step1.add(detached.mul((float) cfg.weightDecay()));
                }
                detached.subi(step1.mul((float) lr));
            }
        }
    }

    private NDArray moment(Map<String, NDArray> moments, String name, NDArray like) {
        return moments.computeIfAbsent(name, n -> {
            NDArray z = manager.zeros(like.getShape());
            NDScope.unregister(z);
            return z;
        });
    }

    /** Restores a moment saved by a checkpoint. */
    void restore(Map<String, NDArray> moments, String name, float[] values, ai.djl.ndarray.types.Shape shape) {
        NDArray a = manager.create(values, shape);
        moments.put(name, a);
    }

    @Override
    public void close() {
        manager.close();
    }
}
