package io.github.promptscope.lm;

import org.junit.jupiter.api.Assumptions;

/**
 * The guard of every test that runs the bfloat16 module: on a CPU whose /proc/cpuinfo lists neither
 * avx512_bf16 nor amx_bf16, libtorch would multiply in emulated bfloat16, which is not what
 * {@code --dtype auto} ever picks there, so those tests are reported as skipped, with the reason,
 * rather than run (or passed) silently. Where the CPU has the flag the module must load: a failure
 * to load is a test failure, not a skip.
 */
public final class Bf16Cpu {

    private Bf16Cpu() {}

    /** Skips the calling test, naming the missing flags, unless this CPU multiplies bfloat16 natively. */
    public static void assumeNativeBf16() {
        Assumptions.assumeTrue(RuntimeDtype.cpuBf16Flag() != null, "bfloat16 test skipped: this CPU lists neither"
                + " avx512_bf16 nor amx_bf16 in /proc/cpuinfo (--dtype auto runs float32 here)");
    }
}
