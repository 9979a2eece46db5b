package io.github.promptscope.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TokenIds;
import io.github.promptscope.metrics.HeldOutAccuracy.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Beam search on the default model against greedy decoding and an exhaustive two-token search over the top first tokens. */
class BeamSearchTest {

    private static final LanguageModel lm = MetricsTestModels.defaultModel();

    private static long[] prefix() {
        Example e = MetricsTestModels.addTwoHeldOut().get(0);
        return HeldOutAccuracy.prefix(lm, " Return the sum of the inputs", e.input(), Placement.BEFORE_INPUT, 7);
    }

    @Test
    void oneBeamIsGreedyDecoding() {
        GenerationConfig greedy = GenerationConfig.builder().maxNewTokens(7).minNewTokens(7).stopAtEos(false).build();
        long[] expected = lm.generateFromIds(List.of(prefix()), greedy).get(0).tokens();
        assertArrayEquals(expected, BeamSearch.decode(lm, prefix(), 1, 7).tokens());
    }

    @Test
    void fourBeamsOverTwoTokensPickTheBestPairAmongTheFourBestFirstTokens() {
        long[] p = prefix();
        float[] first = last(lm.nextTokenLogProbs(p));
        int eos = lm.config().eosTokenId();
        Integer[] order = new Integer[first.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(first[b], first[a]));
        double best = Double.NEGATIVE_INFINITY;
        long[] bestPair = null;
        int taken = 0;
        for (int k = 0; taken < 4; k++) {
            int t = order[k];
            if (t == eos) {
                continue;
            }
            taken++;
            float[] second = last(lm.nextTokenLogProbs(TokenIds.concat(p, new long[] {t})));
            for (int v = 0; v < second.length; v++) {
                if (v != eos && first[t] + second[v] > best) {
                    best = first[t] + second[v];
                    bestPair = new long[] {t, v};
                }
            }
        }
        BeamSearch.Beam beam = BeamSearch.decode(lm, p, 4, 2);
        assertArrayEquals(bestPair, beam.tokens());
        assertEquals(best, beam.logProb(), 1e-9);
    }

    @Test
    void beamContainmentEqualsGreedyContainmentWithOneBeam() {
        List<Example> test = MetricsTestModels.addTwoHeldOut().subList(0, 4);
        HeldOutAccuracy.Result greedy = HeldOutAccuracy.containment(lm, " Add", test, Placement.BEFORE_INPUT, 7, 1);
        for (int i = 0; i < test.size(); i++) {
            long[] p = HeldOutAccuracy.prefix(lm, " Add", test.get(i).input(), Placement.BEFORE_INPUT, 7);
            assertEquals(lm.tokenizer().decode(BeamSearch.decode(lm, p, 1, 7).tokens()), greedy.rows().get(i).produced());
        }
    }

    private static float[] last(float[][] rows) {
        return rows[rows.length - 1];
    }
}
