package io.github.promptscope.lm;

import ai.djl.engine.Engine;

/**
 * The one place that touches DJL's process-wide engine. PromptScope never downloads: offline
 * mode is forced before the engine first loads, so a missing native library fails fast instead of
 * reaching for the network (the native jar on the classpath provides libtorch).
 */
public final class Engines {

    private Engines() {}

    public static Engine pytorch() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
        return Engine.getEngine("PyTorch");
    }

    /**
     * PyTorch's intra-op thread count ({@code -Dai.djl.pytorch.num_threads}, default the number of
     * cores). Training is bit-for-bit repeatable only at the same count: reductions split across
     * threads add in another order (two threads moved a finetune's loss in the 7th digit by step 10).
     */
    public static int threads() {
        pytorch();
        return ai.djl.pytorch.jni.JniUtils.getNumThreads();
    }

    /** "PyTorch 2.7.1", for provenance. */
    public static String describe() {
        Engine e = pytorch();
        return e.getEngineName() + " " + e.getVersion();
    }
}
