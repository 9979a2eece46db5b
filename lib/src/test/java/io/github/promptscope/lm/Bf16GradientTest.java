package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bfloat16 model in a pass that needs gradients (AutoPrompt's token swaps, soft prompts): the
 * TorchScript module has no autograd, so such passes multiply in float32. Before that fallback,
 * {@code sweep --dtype bfloat16} failed every AutoPrompt run with "element 0 of tensors does not
 * require grad and does not have a grad_fn".
 */
class Bf16GradientTest {

    private static LanguageModel f32;
    private static LanguageModel bf16;

    @BeforeAll
    static void load() {
        Bf16Cpu.assumeNativeBf16();
        f32 = LanguageModel.loadDefault();
        bf16 = LanguageModel.loadDefault(Dtype.BFLOAT16);
    }

    @AfterAll
    static void close() {
        if (bf16 != null) {
            bf16.close();
            f32.close();
        }
    }

    @Test
    void gradientPassesOfABfloat16ModelAreFloat32s() {
        long[] a = f32.tokenizer().encode("Add the two numbers: 12 + 7 = 19");
        SoftPrompts soft32 = f32.softPrompts();
        SoftPrompts soft16 = bf16.softPrompts();
        float[][] rows = soft32.embeddingRows(Arrays.copyOfRange(a, 1, 4));
        List<SoftSequence> seqs = List.of(SoftSequence.builder().tokens(new long[] {a[0]}).soft(0, 3)
                .tokens(Arrays.copyOfRange(a, 4, a.length - 2)).targets(Arrays.copyOfRange(a, a.length - 2, a.length)).build());

        SoftPromptLoss want = soft32.lossAndGradient(rows, seqs);
        SoftPromptLoss got = soft16.lossAndGradient(rows, seqs);
        assertEquals(want.loss(), got.loss(), 0.0);
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(want.gradient()[i], got.gradient()[i], 0f, "gradient row " + i);
        }
        // while a pass without gradients still multiplies in bfloat16
        assertNotEquals(soft32.score(rows, seqs).get(0).sum(), soft16.score(rows, seqs).get(0).sum());
    }
}
