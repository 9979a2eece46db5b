package io.github.promptscope.neurons;

/**
 * Which value slots a simulation document of the neurons corpus trains ({@link SimulationDocuments}).
 */
public enum SimulationReveal {

    /**
     * {@code train --corpus neurons}, the recipe of models/neurons: a random share of the lines, in
     * excerpts with 1-6 concept words. Only 4.5% of the trained slots are above 0, so a model that
     * predicts 0 everywhere is nearly optimal (issue #13).
     */
    RANDOM_SHARE,

    /**
     * {@code train --corpus neurons-v2}: the lines where a neuron of the text's concept fires (the
     * explanation's concept or, in documents whose explanation is false for the text, the other
     * concept, where the value is 0) and as many other lines, in excerpts with 4-10 concept words, so
     * about a third of the trained slots are above 0 and the model must read the explanation to tell
     * which.
     */
    FIRING_AND_AS_MANY_OTHERS,

    /**
     * {@code train --corpus neurons-copy}, a first curriculum stage a small model can learn: the
     * explanation quotes some members of its concept, and the neuron fires exactly on the tokens
     * whose text is quoted (members in the text that are not quoted stay 0; an explanation false for
     * the text quotes only members absent from it, so every value is 0). Deciding a value is then a
     * copy task (does this token occur in the explanation?) that carries over to concepts never seen,
     * as long as the explanation quotes the members that fire ({@link QuotedTokenDocuments}).
     */
    QUOTED_TOKENS,

    /**
     * {@code train --corpus neurons-unknown}: the documents of {@link #QUOTED_TOKENS} (the same lines
     * and values for a seed) laid out exactly as the simulator asks: every line's value reads
     * {@code unknown} in the input, as in {@link AllAtOnceSimulator}'s prompt, and a trained line's
     * tab is trained to predict the value's first token where {@code unknown} stands. Revealed values
     * let a model lean on the values of earlier lines, which inference never shows (issue #13).
     */
    QUOTED_TOKENS_UNKNOWN,

    /**
     * {@code train --corpus neurons-listed}: the documents of {@link #QUOTED_TOKENS_UNKNOWN} with the
     * members written as the text spells them ({@code animal names: fox, swan}, {@link MemberForm#LISTED}),
     * in the simulation and the explanation documents alike. A quoted member is another token than the
     * same word in the text ({@code fox} against {@code Ġfox}); listed, it is the same token, so the
     * copy task is matching identical ids, which does not depend on knowing the word.
     */
    LISTED_TOKENS_UNKNOWN,

    /**
     * {@code train --corpus neurons-words}: {@link #LISTED_TOKENS_UNKNOWN}, where half the simulation
     * documents list words of the excerpt itself, any words, and the neuron fires on exactly those. A
     * model trained on neurons-listed (3,000 steps) predicted the same value on every line, even for
     * training concepts: its positives were the few hundred members of 18 concepts. Any word of the
     * text as a positive asks for the match of identical tokens in general, the circuit that carries
     * over to concepts never seen.
     */
    ANY_WORDS_LISTED,

    /**
     * {@code train --corpus neurons-short}, a first stage for the lookup itself: every document lists
     * 1-4 words of a 12-24 token excerpt, the neuron fires on exactly those, and every line is trained
     * (0 where it does not fire; a held-out concept's member stays untrained,
     * {@link QuotedTokenDocuments#drawShort}), in the layout the simulator uses for a context too short for the
     * system message ({@link NeuronTrainingCorpus#SHORT_POSITIONS}). Five recipes whose documents trained
     * ~10 value slots among ~500 tokens taught the 4-layer model the values' base rate and no lookup
     * (issue #13); here every line's value is trained (6.5% of all tokens, ListedMembersTest), each
     * decided only by whether the line's token is in the explanation.
     */
    SHORT_WORDS_LISTED,

    /**
     * {@code train --corpus neurons-concepts}: {@link #SHORT_WORDS_LISTED}'s layout, where half the
     * simulation documents are concept documents ({@link QuotedTokenDocuments#drawShortConcept}): the
     * neuron fires on every member of the described concept in the text, listed or not. neurons-short
     * decides every value by the list alone, under a description drawn at random, so a model trained on
     * it reads no description: as the simulator of the planted neurons of {@code PlantedNeuronTest}
     * (numbers, colours, countries, plurals, punctuation, all training concepts), models/neurons scored the
     * true explanation no higher than a false one (margins -0.07 to 0.05), and digits and punctuation,
     * which neurons-short never lists, read lowest of all (true correlations -0.23 and -0.39).
     */
    SHORT_CONCEPTS;

    /** Whether the documents are the copy stage's ({@link QuotedTokenDocuments}), in any layout or form. */
    boolean quotesTokens() {
        return this == QUOTED_TOKENS || asksLayout();
    }

    /** Whether the documents are laid out as the simulator asks ({@link AskedLayoutDocuments}). */
    boolean asksLayout() {
        return this == QUOTED_TOKENS_UNKNOWN || this == LISTED_TOKENS_UNKNOWN || this == ANY_WORDS_LISTED
                || shortLines();
    }

    /** Whether some simulation documents list any words of their text ({@link QuotedTokenDocuments#ANY_WORDS_SHARE}). */
    boolean listsAnyWords() {
        return this == ANY_WORDS_LISTED;
    }

    /** Whether every document is a short excerpt with every line trained ({@link #SHORT_WORDS_LISTED}). */
    public boolean shortLines() {
        return this == SHORT_WORDS_LISTED || this == SHORT_CONCEPTS;
    }

    /** Whether half the simulation documents fire on the described concept's members, listed or not ({@link #SHORT_CONCEPTS}). */
    boolean describesConcepts() {
        return this == SHORT_CONCEPTS;
    }

    /** How the corpus's explanations name members. */
    public MemberForm memberForm() {
        return this == LISTED_TOKENS_UNKNOWN || this == ANY_WORDS_LISTED || shortLines()
                ? MemberForm.LISTED : MemberForm.QUOTED;
    }
}
