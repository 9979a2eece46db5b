package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.TrainingCorpus;
import io.github.promptscope.lm.LanguageModel;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The copy stage's simulation lines ({@code train --corpus neurons-copy}): the neuron fires exactly
 * on the tokens the explanation quotes, every firing line is trained, and as many lines that do not fire.
 */
class QuotedTokenDocumentsTest {

    /** A quoted member as {@link TokenLookupExplainer#quoteAll} writes it: in single quotes, or double when it holds one. */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    private static LanguageModel model;
    private static QuotedTokenDocuments documents;
    private static List<Concept> concepts;

    @BeforeAll
    static void load() {
        System.setProperty("promptscope.progress", "off");
        model = LanguageModel.loadDefault();
        ConceptExcerpts excerpts = TestExcerpts.of(model);
        documents = new QuotedTokenDocuments(excerpts, MemberForm.QUOTED);
        concepts = NeuronTrainingCorpus.trainConcepts(excerpts);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** The members an explanation quotes, normalized as {@link Concept#matches} compares them. */
    private static Set<String> quoted(String explanation) {
        int colon = explanation.indexOf(": ");
        assertTrue(colon > 0, "the explanation quotes no member: " + explanation);
        Set<String> out = new HashSet<>();
        Matcher m = QUOTED.matcher(explanation.substring(colon + 2));
        while (m.find()) {
            out.add(Concept.normalized(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return out;
    }

    @Test
    void theNeuronFiresExactlyOnTheQuotedTokens() {
        Random rng = new Random(0);
        int documentsWithoutFiring = 0;
        int unquotedMembersTrainedAsZero = 0;
        int above = 0;
        int trained = 0;
        for (int d = 0; d < 300; d++) {
            Concept c = concepts.get(rng.nextInt(concepts.size()));
            QuotedTokenDocuments.Lines lines = documents.draw(rng, c, concepts);
            assertTrue(lines.explanation().startsWith(c.description() + ": "), lines.explanation());
            Set<String> quoted = quoted(lines.explanation());
            int fires = 0;
            int quiet = 0;
            for (int t = 0; t < lines.tokens().size(); t++) {
                String token = lines.tokens().get(t);
                Integer v = lines.values()[t];
                boolean isQuoted = quoted.contains(Concept.normalized(token));
                String where = "document " + d + " (" + lines.explanation() + "), line " + t + " '" + token + "'";
                if (isQuoted) {
                    assertTrue(v != null && v >= 1 && v <= 10, where + ": a quoted token must be trained above 0, got " + v);
                    fires++;
                } else if (v != null) {
                    assertEquals(0, v, where + ": only quoted tokens fire");
                    quiet++;
                    unquotedMembersTrainedAsZero += c.matches(token) ? 1 : 0;
                }
            }
            assertTrue(quiet >= Math.max(1, fires) || quiet == lines.tokens().size() - fires,
                    "document " + d + ": " + fires + " firing lines but only " + quiet + " others trained");
            documentsWithoutFiring += fires == 0 ? 1 : 0;
            above += fires;
            trained += fires + quiet;
        }
        double share = (double) above / trained;
        System.out.printf("neurons-copy: %d of %d trained value slots above 0 (%.1f%%), %d of 300 documents without"
                + " firing, %d unquoted members trained as 0%n", above, trained, 100 * share, documentsWithoutFiring,
                unquotedMembersTrainedAsZero);
        assertTrue(share >= 0.25 && share <= 0.5, "share above 0: " + share);
        // the explanation is false for the text in ~35% of documents: nothing it quotes is there
        assertTrue(documentsWithoutFiring >= 75 && documentsWithoutFiring <= 140, "documents without firing: " + documentsWithoutFiring);
        // members the explanation leaves out are trained as 0: the quotes decide, not the concept
        assertTrue(unquotedMembersTrainedAsZero >= 30, "unquoted members trained as 0: " + unquotedMembersTrainedAsZero);
    }

    @Test
    void theSameSeedDrawsTheSameLines() {
        for (long seed : new long[] {3, 4}) {
            Random a = new Random(seed);
            Random b = new Random(seed);
            for (int d = 0; d < 20; d++) {
                Concept c = concepts.get(d % concepts.size());
                QuotedTokenDocuments.Lines x = documents.draw(a, c, concepts);
                QuotedTokenDocuments.Lines y = documents.draw(b, c, concepts);
                assertEquals(x.explanation(), y.explanation());
                assertEquals(x.tokens(), y.tokens());
                assertEquals(Arrays.asList(x.values()), Arrays.asList(y.values()));
            }
        }
    }
}
