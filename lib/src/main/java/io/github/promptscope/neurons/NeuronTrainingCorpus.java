package io.github.promptscope.neurons;

import io.github.promptscope.data.TrainingCorpus;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.util.Interrupts;
import io.github.promptscope.util.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The corpus of the neurons model ({@code train --corpus neurons}): simulation documents
 * ({@link SimulationDocuments}), explanation documents ({@link ExplanationDocuments}) and, so that
 * the model keeps reading the task text it was trained on, packs of the default model's corpus.
 * Examples come tokenized with a mask of the tokens trained, since the simulator's prompt is encoded
 * piece by piece. Seeded and deterministic. The concepts of {@link #HELD_OUT} never appear in the
 * training examples (as an explanation's concept or as replaced words); the validation examples are
 * made of them alone, so validation loss measures what carries over to concepts never seen.
 */
public final class NeuronTrainingCorpus {

    /** The concepts kept out of training: the test of the neurons model. */
    public static final List<Concept> HELD_OUT = List.of(Concept.ANIMALS, Concept.NUMBER_WORDS, Concept.CURRENCIES);

    /** Whether a token (leading space kept) is a member of a concept in {@link #HELD_OUT}: never a positive, never a trained 0. */
    static boolean heldOutMember(String token) {
        return HELD_OUT.stream().anyMatch(c -> c.matches(token));
    }

    /**
     * The few-shot examples of the corpus's prompts: none. The reference's worked examples would take
     * 600 of a 1024-token context (forcing the excerpt into chunks) and teach a model trained on the
     * prompts themselves nothing; the model's folder says so in {@link FewShotExamples#MODEL_FILE}.
     */
    public static final List<FewShotExample> FEW_SHOT = List.of();

    /**
     * The context {@link SimulationReveal#SHORT_WORDS_LISTED}'s documents are laid out in: too short for the
     * system message, so the explanation sits right above a chunk of 12-24 lines.
     */
    public static final int SHORT_POSITIONS = 160;

    /**
     * The context {@code neurons-short}'s explanation prompts are fitted to (less the explainer's 60
     * tokens): windows of a dozen tokens around two or three excerpts' peaks, each followed by its
     * highlighted tokens, so a ~10-token explanation that copies them is a tenth of the document
     * instead of a fiftieth, and the tokens to copy are a few dozen positions back, not hundreds.
     */
    public static final int SHORT_EXPLANATION_POSITIONS = 192;

    /** Tokens per pack of default-corpus documents. */
    static final int PACK_TOKENS = 256;

    /** Sizes and mixture. */
    public record Spec(int examples, double simulation, double explanation, int validation, long seed,
            SimulationReveal reveal) {
        /** A mixture whose simulation documents train a random share of the values (models/neurons's recipe). */
        public Spec(int examples, double simulation, double explanation, int validation, long seed) {
            this(examples, simulation, explanation, validation, seed, SimulationReveal.RANDOM_SHARE);
        }

        /** The neurons model's recipe: 60% simulation, 35% explanation, 5% packs of the default corpus. */
        public static Spec defaults() {
            return new Spec(12_000, 0.6, 0.35, 64, 0);
        }

        /**
         * The recipe of a {@code train --corpus}: the copy stage ({@link SimulationReveal#QUOTED_TOKENS},
         * in either layout) gives simulation documents 80% of the examples (explanation 15%, so the model
         * keeps writing explanations; default corpus 5%), the others the defaults' mixture.
         */
        public static Spec of(SimulationReveal reveal) {
            Spec d = defaults().withReveal(reveal);
            return reveal.quotesTokens()
                    ? new Spec(d.examples(), 0.8, 0.15, d.validation(), d.seed(), reveal) : d;
        }

        /** Shares of simulation and explanation documents (the rest: packs of the default corpus). */
        public Spec withMixture(double simulationShare, double explanationShare) {
            if (!(simulationShare >= 0 && explanationShare >= 0 && simulationShare + explanationShare <= 1 + 1e-9)) {
                throw new IllegalArgumentException("--neuron-mixture: the shares " + simulationShare + " and "
                        + explanationShare + " must be at least 0 and add up to at most 1");
            }
            return new Spec(examples, simulationShare, explanationShare, validation, seed, reveal);
        }

        public Spec withExamples(int n) {
            return new Spec(n, simulation, explanation, validation, seed, reveal);
        }

        public Spec withSeed(long s) {
            return new Spec(examples, simulation, explanation, validation, s, reveal);
        }

        public Spec withReveal(SimulationReveal r) {
            return new Spec(examples, simulation, explanation, validation, seed, r);
        }
    }

    /**
     * One example's ids, which of them are trained and the tokens trained at each position: the ids
     * themselves, except in documents laid out as the simulator asks ({@link SimulationReveal#asksLayout()}),
     * whose value slots show {@code unknown} and are trained to produce the value.
     */
    public record Example(long[] ids, boolean[] trained, long[] targets) {
        /** An example trained on its own tokens. */
        public Example(long[] ids, boolean[] trained) {
            this(ids, trained, ids);
        }

        static Example of(List<long[]> pieces, List<Boolean> trainedPieces) {
            return of(pieces, pieces, trainedPieces);
        }

        /** Pieces of inputs, the targets at their positions (same lengths) and whether each piece is trained. */
        static Example of(List<long[]> pieces, List<long[]> targetPieces, List<Boolean> trainedPieces) {
            int n = pieces.stream().mapToInt(p -> p.length).sum();
            long[] ids = new long[n];
            long[] targets = new long[n];
            boolean[] mask = new boolean[n];
            int k = 0;
            for (int i = 0; i < pieces.size(); i++) {
                if (targetPieces.get(i).length != pieces.get(i).length) {
                    throw new IllegalArgumentException("piece " + i + " has " + pieces.get(i).length + " ids but "
                            + targetPieces.get(i).length + " targets");
                }
                System.arraycopy(pieces.get(i), 0, ids, k, pieces.get(i).length);
                System.arraycopy(targetPieces.get(i), 0, targets, k, pieces.get(i).length);
                Arrays.fill(mask, k, k + pieces.get(i).length, trainedPieces.get(i));
                k += pieces.get(i).length;
            }
            return new Example(ids, mask, targets);
        }
    }

    /** Training and validation examples. */
    public record Examples(List<Example> train, List<Example> validation) {}

    private final Spec spec;

    public NeuronTrainingCorpus(Spec spec) {
        this.spec = spec;
    }

    /** Builds the examples for a model with this tokenizer, {@code positions} positions and end-of-text id. */
    public Examples build(TextTokenizer tokenizer, int positions, long endOfText) {
        int neuronExamples = (int) Math.round(spec.examples() * (spec.simulation() + spec.explanation()));
        // excerpts come from a corpus drawn with another seed than the one planted neurons are recorded on
        List<String> text = new TrainingCorpus(TrainingCorpus.Spec.defaults().withDocuments(20_000)
                .withSeed(spec.seed() + 1)).build().train();
        ConceptExcerpts excerpts = new ConceptExcerpts(tokenizer, text, endOfText, CollectorConfig.defaults().windowTokens());
        SimulationDocuments simulation = new SimulationDocuments(tokenizer, excerpts, positions, spec.reveal());
        ExplanationDocuments explanation = new ExplanationDocuments(tokenizer, excerpts,
                spec.reveal().shortLines() ? SHORT_EXPLANATION_POSITIONS : positions, spec.reveal().memberForm(),
                spec.reveal().shortLines());
        List<Concept> trainConcepts = trainConcepts(excerpts);

        Random rng = new Random(spec.seed());
        List<Example> train = new ArrayList<>();
        int simulations = (int) Math.round(spec.examples() * spec.simulation());
        try (Progress progress = Progress.start("neuron documents", neuronExamples, 0)) {
            for (int i = 0; i < neuronExamples; i++) {
                Interrupts.check();
                Concept c = trainConcepts.get(rng.nextInt(trainConcepts.size()));
                train.add(i < simulations ? simulation.document(rng, c, trainConcepts) : explanation.document(rng, c));
                if ((i + 1) % 100 == 0 || i + 1 == neuronExamples) {
                    progress.update(i + 1, "");
                }
            }
        }
        train.addAll(defaultPacks(tokenizer, spec.examples() - neuronExamples, endOfText));

        Random vrng = new Random(spec.seed() + 1);
        List<Example> validation = new ArrayList<>();
        for (int i = 0; i < spec.validation(); i++) {
            Concept c = HELD_OUT.get(i % HELD_OUT.size());
            validation.add(i % 2 == 0 ? simulation.document(vrng, c, HELD_OUT) : explanation.conceptDocument(vrng, c));
        }
        return new Examples(train, validation);
    }

    /** The concepts training documents are made for: every one not held out that {@code excerpts} can put into text. */
    static List<Concept> trainConcepts(ConceptExcerpts excerpts) {
        return Arrays.stream(Concept.values()).filter(c -> !HELD_OUT.contains(c) && excerpts.usable(c)).toList();
    }

    /** Documents of the default model's corpus end to end, cut into examples of at most {@link #PACK_TOKENS}. */
    private List<Example> defaultPacks(TextTokenizer tokenizer, int packs, long endOfText) {
        List<String> docs = new TrainingCorpus(TrainingCorpus.Spec.defaults().withDocuments(packs * 12)
                .withSeed(spec.seed())).build().train();
        List<Example> out = new ArrayList<>();
        List<Long> pack = new ArrayList<>();
        for (String d : docs) {
            if (out.size() == packs) {
                break;
            }
            long[] ids = tokenizer.encode(d);
            if (!pack.isEmpty() && pack.size() + ids.length + 1 > PACK_TOKENS) {
                long[] p = pack.stream().mapToLong(Long::longValue).toArray();
                boolean[] all = new boolean[p.length];
                Arrays.fill(all, true);
                out.add(new Example(p, all));
                pack.clear();
            }
            for (long id : ids) {
                pack.add(id);
            }
            pack.add(endOfText);
        }
        return out;
    }
}
