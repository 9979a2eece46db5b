package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Example;
import io.github.promptscope.lm.Bf16Cpu;
import io.github.promptscope.lm.Dtype;
import io.github.promptscope.lm.Generation;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.util.Correlation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One iPrompt step's candidates scored in bfloat16 rank as in float32: 60 prompts the default model
 * samples from the step's proposal contexts (iPrompt's 60 candidates per step, close in loss, which
 * is what makes the ranking hard), scored on one 16-row batch by both; Spearman's rho of their
 * losses at least 0.99 (measured here: 1.0, every candidate in its float32 place, while every loss moved).
 */
class Bf16RankingTest {

    @Test
    void aStepsCandidateLossesRankAsInFloat32() {
        Bf16Cpu.assumeNativeBf16();
        LanguageModel f32 = SearchTestModels.defaultModel();
        List<Example> xs = SearchTestModels.addTwo();
        IPromptConfig cfg = IPromptConfig.quick();
        List<DataRows.Row> batch = DataRows.build(SearchTestModels.inputs(xs), SearchTestModels.outputs(xs),
                cfg.nShots(), cfg.singleShotLoss(), cfg.maxNDatapoints(), new Random(1)).rows().subList(0, 16);
        List<String> contexts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            contexts.add(cfg.proposalStart() + "\n\n" + batch.get(i).text() + "\n\n" + cfg.proposalEnd());
        }
        GenerationConfig g = GenerationConfig.builder().maxNewTokens(cfg.numLearnedTokens())
                .minNewTokens(cfg.numLearnedTokens()).temperature(1.0).topK(50).numSamples(15).seed(3)
                .stopAtEos(false).build();
        List<long[]> candidates = f32.generate(contexts, g).stream().map(Generation::tokens).toList();
        assertEquals(60, candidates.size());

        double[] lossF32 = losses(f32, cfg, batch, candidates);
        double[] lossBf16;
        try (LanguageModel bf16 = LanguageModel.loadDefault(Dtype.BFLOAT16)) {
            lossBf16 = losses(bf16, cfg, batch, candidates);
        }
        assertTrue(!Arrays.equals(lossF32, lossBf16), "bfloat16 gave float32's losses exactly: the module did not run");
        double rho = Correlation.pearson(ranks(lossF32), ranks(lossBf16));
        assertTrue(rho >= 0.99, "Spearman rho of the candidates' losses, bfloat16 against float32: " + rho);
    }

    private static double[] losses(LanguageModel lm, IPromptConfig cfg, List<DataRows.Row> batch, List<long[]> candidates) {
        CandidateScorer scorer = new CandidateScorer(lm, cfg, batch.stream().map(DataRows.Row::output).toList());
        return scorer.score(candidates, batch).stream().mapToDouble(CandidateScorer.Score::loss).toArray();
    }

    /** Ranks from 1, ties sharing their mean rank: Spearman's rho is Pearson's r of these. */
    static double[] ranks(double[] x) {
        Integer[] order = IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(i -> x[i]))
                .toArray(Integer[]::new);
        double[] r = new double[x.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }

    @Test
    void ranksShareTies() {
        assertEquals(List.of(1.0, 2.5, 2.5, 4.0), Arrays.stream(ranks(new double[] {0.1, 0.5, 0.5, 0.9})).boxed().toList());
        assertEquals(List.of(3.0, 1.0, 2.0), Arrays.stream(ranks(new double[] {2, 0, 1})).boxed().toList());
    }
}
