package io.github.promptscope.lm;

import java.util.Locale;

/**
 * The arithmetic of the model's large matrix multiplies (attention projections, MLP, LM head):
 * {@code float32}, {@code bfloat16} (through {@link Bf16Matmul}; softmax, log-softmax, norms and
 * losses stay float32), or {@code auto}, which picks bfloat16 only where the CPU multiplies it
 * natively and the module loads ({@link RuntimeDtype#resolve}).
 */
public enum Dtype {
    AUTO, BFLOAT16, FLOAT32;

    /** Its name as the {@code --dtype} flag and run records write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code auto|bfloat16|float32}; the error names the flag. */
    public static Dtype parse(String text) {
        for (Dtype d : values()) {
            if (d.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("--dtype must be auto, bfloat16 or float32; got '" + text + "'");
    }
}
