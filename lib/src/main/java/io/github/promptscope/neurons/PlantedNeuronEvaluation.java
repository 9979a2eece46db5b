package io.github.promptscope.neurons;

import io.github.promptscope.lm.LanguageModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well a simulator and an explainer do on planted neurons (spec neurons.md 7.5), the evaluation
 * of the neurons model: neurons planted for known concepts into a copy of a subject model, their
 * records collected from the generated corpus, then
 *
 * <ul>
 *   <li>the simulator's top-and-random correlation for each neuron's true explanation against a false
 *       one (another planted neuron's), the margin of 0.3;
 *   <li>whether the explainer's explanations name the concept (quote a member, or use a word of the
 *       concept's description), with tokens per neuron and the score of its first explanation.
 * </ul>
 *
 * The explanation scored as true is, by default, the one an explainer reading the top excerpts would
 * write: the concept's description and the members found in the record's explaining (train) split,
 * most frequent first ({@link #quotedExplanation}); it is scored on the valid split, other excerpts,
 * so it also asks the simulator to know that unquoted members belong to the concept.
 * {@link QuoteFrom#SCORED} quotes the members of the scored excerpts instead: a test of whether the
 * simulator reads an explanation against each token, not of whether an explanation generalizes.
 */
public final class PlantedNeuronEvaluation {

    /** Members quoted in an explanation, as the neurons model's corpus quotes them. */
    public static final int QUOTED = ExplanationDocuments.MAX_QUOTED;

    /** Which excerpts a quoted explanation takes its members from. */
    public enum QuoteFrom {
        /** The explaining (train) split, as an explainer would see it; scored on other excerpts. */
        EXPLAINING,
        /** The scored (valid) split itself: the members whose activations are simulated. */
        SCORED;

        public static QuoteFrom parse(String s) {
            return switch (s) {
                case "explaining" -> EXPLAINING;
                case "scored" -> SCORED;
                default -> throw new IllegalArgumentException("--quote-from: '" + s + "' is not explaining or scored");
            };
        }
    }

    /** A planted neuron and its record. */
    public record Planted(Concept concept, NeuronRecord record) {}

    /** True and false explanation of one neuron, each with its top-and-random correlation. */
    public record Margin(Concept concept, String trueExplanation, double trueScore, Concept falseConcept,
            String falseExplanation, double falseScore) {
        public double margin() {
            return trueScore - falseScore;
        }
    }

    /** One explainer run on one neuron and what it named. */
    public record Naming(Concept concept, PromptStyle style, List<String> explanations, int namingMember,
            int namingDescription, int promptTokens, int wholePromptTokens, String scored, double score) {}

    private PlantedNeuronEvaluation() {}

    /** Plants one neuron per concept in block {@code layer} of a copy of {@code subject} at {@code dir}, and records them. */
    public static List<Planted> plantAndRecord(LanguageModel subject, int layer, List<Concept> concepts, Path dir,
            int documents) throws IOException {
        List<String> corpus = NeuronCorpus.generated(documents);
        PlantedNeurons planting = PlantedNeurons.in(subject).corpus(corpus, "generated corpus, " + documents + " documents");
        concepts.forEach(c -> planting.plant(layer, c));
        List<PlantedNeuron> planted = planting.saveTo(dir);
        try (LanguageModel copy = LanguageModel.load(dir)) {
            int[] ids = planted.stream().mapToInt(p -> p.id().neuron()).toArray();
            List<NeuronRecord> records = new ActivationCollector(copy, CollectorConfig.defaults()).collect(layer, ids, corpus);
            List<Planted> out = new ArrayList<>();
            for (int k = 0; k < planted.size(); k++) {
                out.add(new Planted(planted.get(k).concept(), records.get(k)));
            }
            return out;
        }
    }

    /** The description and the members in the explaining split, most frequent first (at most {@link #QUOTED}). */
    public static String quotedExplanation(Concept concept, NeuronRecord record) {
        return quotedExplanation(concept, record, QuoteFrom.EXPLAINING);
    }

    /** The description and the members in the excerpts {@code from} names, most frequent first (at most {@link #QUOTED}). */
    public static String quotedExplanation(Concept concept, NeuronRecord record, QuoteFrom from) {
        return quotedExplanation(concept, record, from, MemberForm.QUOTED);
    }

    /** As {@link #quotedExplanation(Concept, NeuronRecord, QuoteFrom)}, the members written in {@code form}. */
    public static String quotedExplanation(Concept concept, NeuronRecord record, QuoteFrom from, MemberForm form) {
        List<String> tokens = new ArrayList<>();
        (from == QuoteFrom.SCORED ? record.valid(NeuronRecord.EXAMPLES_PER_SPLIT) : record.train(NeuronRecord.EXAMPLES_PER_SPLIT))
                .forEach(r -> tokens.addAll(r.tokens()));
        List<String> members = ConceptExcerpts.membersIn(concept, tokens);
        return concept.explanation(members.subList(0, Math.min(QUOTED, members.size())), form);
    }

    /**
     * Each neuron's true explanation against the next neuron's (the last against the first): with
     * {@code quoted}, the description and members from {@code from}'s excerpts written in {@code form}
     * (with {@link QuoteFrom#SCORED} the false explanation names the other neuron's scored members,
     * absent from this text); without, the descriptions alone.
     */
    public static List<Margin> margins(List<Planted> planted, NeuronSimulator simulator, boolean quoted, QuoteFrom from,
            MemberForm form) {
        List<Margin> out = new ArrayList<>();
        for (int k = 0; k < planted.size(); k++) {
            Planted p = planted.get(k);
            Planted other = planted.get((k + 1) % planted.size());
            String truth = quoted ? quotedExplanation(p.concept(), p.record(), from, form) : p.concept().description();
            String wrong = quoted ? quotedExplanation(other.concept(), other.record(), from, form) : other.concept().description();
            out.add(new Margin(p.concept(), truth, score(p, truth, simulator), other.concept(), wrong,
                    score(p, wrong, simulator)));
        }
        return out;
    }

    /**
     * Explains the neuron and checks each explanation for the concept; the first explanation is scored
     * with {@code simulator} (NaN without one: simulating is the slow part).
     */
    public static Naming naming(Planted p, LmExplainer explainer, NeuronSimulator simulator) {
        ExplainerRun run = explainer.run(p.record());
        int member = 0;
        int description = 0;
        for (String e : run.explanations()) {
            member += namesMember(p.concept(), e) ? 1 : 0;
            description += ConceptNaming.namesByWord(e, p.concept()) ? 1 : 0;
        }
        String first = run.explanations().get(0);
        return new Naming(p.concept(), explainer.config().style(), run.explanations(), member, description,
                run.promptTokens(), run.wholePromptTokens(), first, simulator == null ? Double.NaN : score(p, first, simulator));
    }

    /** Whether a word of the explanation is a member of the concept. */
    static boolean namesMember(Concept concept, String explanation) {
        for (String w : explanation.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && concept.matches(w) && !isDescriptionWord(concept, w)) {
                return true;
            }
        }
        return false;
    }

    /** "numbers" in "numbers written as words" is the description, not a member it quotes. */
    private static boolean isDescriptionWord(Concept concept, String word) {
        return List.of(concept.description().toLowerCase(Locale.ROOT).split(" ")).contains(word.toLowerCase(Locale.ROOT));
    }

    private static double score(Planted p, String explanation, NeuronSimulator simulator) {
        return NeuronScores.of(p.record(), explanation, simulator, NeuronRecord.EXAMPLES_PER_SPLIT).topAndRandom()
                .correlation();
    }
}
