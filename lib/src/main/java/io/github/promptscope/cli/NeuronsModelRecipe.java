package io.github.promptscope.cli;

import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.train.MaskedSequences;
import io.github.promptscope.lm.train.Trainer;
import io.github.promptscope.lm.train.TrainerConfig;
import io.github.promptscope.lm.train.TrainingRecipe;
import io.github.promptscope.neurons.FewShotExamples;
import io.github.promptscope.neurons.NeuronTrainingCorpus;
import io.github.promptscope.neurons.PromptContext;
import io.github.promptscope.neurons.SimulationReveal;
import io.github.promptscope.util.RepoPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * {@code train --corpus neurons}: the neurons model's corpus ({@link NeuronTrainingCorpus}) built for
 * the starting model's tokenizer, and loss-masked continued training with the position table
 * lengthened to {@code --positions}. Lives in {@code cli} because it joins {@code neurons} (the
 * corpus) and {@code lm.train} (the trainer), which do not import each other.
 */
final class NeuronsModelRecipe {

    private NeuronsModelRecipe() {}

    /** The {@code --corpus} names of the neurons recipes, each with the value slots its simulation documents train. */
    private static final Map<String, SimulationReveal> CORPORA = Map.of(
            "neurons", SimulationReveal.RANDOM_SHARE,
            "neurons-v2", SimulationReveal.FIRING_AND_AS_MANY_OTHERS,
            "neurons-copy", SimulationReveal.QUOTED_TOKENS,
            "neurons-unknown", SimulationReveal.QUOTED_TOKENS_UNKNOWN,
            "neurons-listed", SimulationReveal.LISTED_TOKENS_UNKNOWN,
            "neurons-words", SimulationReveal.ANY_WORDS_LISTED,
            "neurons-short", SimulationReveal.SHORT_WORDS_LISTED,
            "neurons-concepts", SimulationReveal.SHORT_CONCEPTS);

    /** The recipe {@code --corpus} names, or null when it names no neurons recipe. */
    static SimulationReveal reveal(String corpus) {
        return CORPORA.get(corpus);
    }

    /**
     * @param reveal which value slots the simulation documents train ({@code neurons}, {@code neurons-v2}, {@code neurons-copy}, {@code neurons-unknown}, {@code neurons-listed}, {@code neurons-words}, {@code neurons-short} or {@code neurons-concepts})
     * @param mixture shares of simulation and explanation documents, or null for the recipe's own
     * @param groupByLength whether batches hold examples of like length ({@link MaskedSequences#groupedByLength})
     */
    static Trainer.Report train(Path from, SimulationReveal reveal, double[] mixture, boolean groupByLength, int positions,
            int examples, long seed, TrainerConfig cfg, Path out, int until) throws IOException {
        if (from == null) {
            throw new IllegalArgumentException("--corpus " + corpusName(reveal)
                    + " continues a model: give --from (e.g. models/default)");
        }
        ModelConfig config = ModelConfig.read(from);
        Integer eos = config.eosTokenId();
        if (eos == null) {
            throw new IllegalArgumentException("--from " + from + ": config.json names no eos_token_id to separate documents");
        }
        int length = Math.max(positions, config.maxPositions());
        NeuronTrainingCorpus.Examples corpus;
        NeuronTrainingCorpus.Spec spec = NeuronTrainingCorpus.Spec.of(reveal).withExamples(examples).withSeed(seed);
        NeuronTrainingCorpus.Spec mixed = mixture == null ? spec : spec.withMixture(mixture[0], mixture[1]);
        try (TextTokenizer tok = TextTokenizer.load(from)) {
            corpus = new NeuronTrainingCorpus(mixed).build(tok, length, eos);
        }
        MaskedSequences ordered = masked(corpus.train(), length, seed, "the neurons corpus");
        MaskedSequences train = groupByLength ? ordered.groupedByLength(cfg.batchSize()) : ordered;
        MaskedSequences validation = masked(corpus.validation(), length, seed, "the neurons corpus's validation examples");
        Trainer.Report report = TrainingRecipe.continueMasked(from, RepoPaths.label(from), length, train, validation, cfg, out, until);
        // evaluating a fresh run once used PromptScope's few-shot set, which this corpus never shows (margins ~0)
        FewShotExamples.writeNone(out, RepoPaths.label(out) + " was trained by `train --corpus " + corpusName(reveal)
                + "` on simulation and explanation prompts without few-shot examples; PromptScope prompts it with none "
                + "(FewShotExamples.forModel)");
        nameContext(from, out, PromptContext.SIMULATOR_FILE, mixed.simulation(), reveal, NeuronTrainingCorpus.SHORT_POSITIONS,
                "simulation prompts laid out for " + NeuronTrainingCorpus.SHORT_POSITIONS + " positions (no system message, "
                + "excerpts in chunks); PromptScope's simulator lays its prompts out so");
        nameContext(from, out, PromptContext.EXPLAINER_FILE, mixed.explanation(), reveal,
                NeuronTrainingCorpus.SHORT_EXPLANATION_POSITIONS, "explanation prompts fitted to "
                + NeuronTrainingCorpus.SHORT_EXPLANATION_POSITIONS + " positions less the explainer's 60 tokens (a few "
                + "windows around the excerpts' peaks); PromptScope's explainer fits its prompts so");
        return report;
    }

    /**
     * The prompt context {@code file} of the stage's model: a short-document recipe that trains this use
     * ({@code share} above 0) names the {@code positions} its prompts were {@code laidOut} for; a stage
     * that trains none of it keeps {@code from}'s file, if any; any other stage prompts in all positions.
     */
    private static void nameContext(Path from, Path out, String file, double share, SimulationReveal reveal, int positions,
            String laidOut) throws IOException {
        if (share == 0) {
            if (Files.isRegularFile(from.resolve(file))) {
                Files.copy(from.resolve(file), out.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } else if (reveal.shortLines()) {
            PromptContext.write(out, file, positions, RepoPaths.label(out) + " was trained by `train --corpus "
                    + corpusName(reveal) + "` on " + laidOut);
        }
    }

    private static String corpusName(SimulationReveal reveal) {
        return CORPORA.entrySet().stream().filter(e -> e.getValue() == reveal).findFirst().orElseThrow().getKey();
    }

    private static MaskedSequences masked(List<NeuronTrainingCorpus.Example> examples, int positions, long seed,
            String what) {
        // targets equal to the ids (every recipe but neurons-unknown) leave the batches and corpus hash as before
        return MaskedSequences.ofTokens(examples.stream().map(NeuronTrainingCorpus.Example::ids).toList(),
                examples.stream().map(NeuronTrainingCorpus.Example::trained).toList(),
                examples.stream().map(NeuronTrainingCorpus.Example::targets).toList(), positions, seed, what);
    }
}
