package io.github.promptscope.cli;

import io.github.promptscope.lm.Dtype;
import picocli.CommandLine.Option;

/** {@code --dtype}: the arithmetic of the model's large matrix multiplies, for commands that run a search or a benchmark. */
final class DtypeOption {

    @Option(names = "--dtype", paramLabel = "auto|bfloat16|float32", defaultValue = "float32",
            description = "Matrix-multiply dtype: float32, bfloat16 (TorchScript module; softmax, norms and losses stay"
                    + " float32), or auto (bfloat16 when the CPU has avx512_bf16 or amx_bf16 and the module loads)."
                    + " Default ${DEFAULT-VALUE}.")
    String text;

    Dtype get() {
        return Dtype.parse(text);
    }
}
