package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long search must not grow native memory: every call frees what it made. */
class MemoryTest {

    @Test
    void repeatedCallsLeaveNoArraysBehind() throws Exception {
        LanguageModel lm = Fixtures.model("llama-gqa");
        lm.score(List.of(new ScoreRequest("warm", " up")));
        int before = managedArrays(lm);
        for (int i = 0; i < 20; i++) {
            lm.score(List.of(new ScoreRequest("Hello", " world " + i), new ScoreRequest("12 + 7 =", " 19")));
            lm.generate("The quick", GenerationConfig.greedy(5));
            lm.hiddenStates("some text", 1);
            lm.runWithHooks(List.of("a", "hooked " + i), Hooks.mlpPost(0), HookFunction.zeroNeuron(3), Hooks.attnPattern(1));
            lm.logProbs("more text " + i);
        }
        assertEquals(before, managedArrays(lm), "arrays owned by the model's manager and its children");
    }

    private static int managedArrays(LanguageModel lm) throws Exception {
        Field f = LanguageModel.class.getDeclaredField("weights");
        f.setAccessible(true);
        BaseNDManager m = (BaseNDManager) f.get(lm);
        List<NDArray> arrays = m.getManagedArrays();
        return arrays.size();
    }
}
