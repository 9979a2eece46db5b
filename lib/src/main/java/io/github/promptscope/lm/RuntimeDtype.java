package io.github.promptscope.lm;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Which dtype a model runs in and why: what was asked, what runs, and a one-line note when they
 * differ (for the progress line and the run record).
 *
 * @param kernel the bfloat16 module when {@code used} is bfloat16, else null
 */
record RuntimeDtype(Dtype requested, Dtype used, String note, Bf16Matmul kernel) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Pattern BF16_FLAGS = Pattern.compile("\\b(avx512_bf16|amx_bf16)\\b");

    static RuntimeDtype float32() {
        return new RuntimeDtype(Dtype.FLOAT32, Dtype.FLOAT32, "", null);
    }

    /**
     * {@code auto}: bfloat16 when /proc/cpuinfo lists avx512_bf16 or amx_bf16 and the module
     * loads, else float32 with the reason. {@code bfloat16}: the module or an error that says why
     * it did not load (never a silent float32). The module lives in {@code manager}.
     */
    static RuntimeDtype resolve(Dtype requested, NDManager manager) {
        return resolve(requested, cpuBf16Flag(), () -> Bf16Matmul.load(manager));
    }

    /** The module's source, so tests can stand in a missing or broken one. */
    interface ModuleLoader {
        Bf16Matmul load() throws IOException;
    }

    /** {@link #resolve(Dtype, NDManager)} with the CPU's flag (null for none) and the loader given. */
    static RuntimeDtype resolve(Dtype requested, String cpu, ModuleLoader loader) {
        if (requested == Dtype.FLOAT32) {
            return float32();
        }
        if (requested == Dtype.AUTO && cpu == null) {
            return new RuntimeDtype(requested, Dtype.FLOAT32,
                    "this CPU lists neither avx512_bf16 nor amx_bf16 in /proc/cpuinfo", null);
        }
        Bf16Matmul kernel;
        try {
            kernel = loader.load();
        } catch (IOException | RuntimeException e) {
            if (requested == Dtype.BFLOAT16) {
                throw new IllegalStateException("--dtype bfloat16: the bfloat16 module did not load (" + e.getMessage()
                        + "); use --dtype float32 or auto", e);
            }
            return new RuntimeDtype(requested, Dtype.FLOAT32, "the bfloat16 module did not load: " + e.getMessage(), null);
        }
        String note = cpu == null ? "bfloat16 without avx512_bf16 or amx_bf16 in /proc/cpuinfo: emulated, likely slower" : "";
        return new RuntimeDtype(requested, Dtype.BFLOAT16, note, kernel);
    }

    /** The first native bfloat16 flag /proc/cpuinfo lists, or null (also when it cannot be read). */
    static String cpuBf16Flag() {
        try {
            var m = BF16_FLAGS.matcher(Files.readString(CPUINFO));
            return m.find() ? m.group(1) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** "bfloat16", or "float32 (auto: ...)" when auto fell back: what the progress line prints. */
    String describe() {
        return note.isEmpty() ? used.label() : used.label() + " (" + requested.label() + ": " + note + ")";
    }
}
