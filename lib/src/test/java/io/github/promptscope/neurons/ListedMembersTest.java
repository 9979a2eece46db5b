package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.TrainingCorpus;
import io.github.promptscope.lm.DefaultModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code train --corpus neurons-listed}: the same lines and values as neurons-unknown for a seed,
 * the members written as the text spells them, so that the token of a firing line is found, id for
 * id, in the explanation the simulator reads; quoted, it mostly is not ({@code fox} against {@code Ġfox}).
 * Also the listed recipes after it: {@code neurons-words} and {@code neurons-short}.
 */
class ListedMembersTest {

    private static final int DOCUMENTS = 150;

    private static LanguageModel model;
    private static ConceptExcerpts excerpts;
    private static List<Concept> concepts;

    @BeforeAll
    static void load() {
        System.setProperty("promptscope.progress", "off");
        model = LanguageModel.load(DefaultModel.locate().resolveSibling("neurons"));
        excerpts = TestExcerpts.of(model);
        concepts = NeuronTrainingCorpus.trainConcepts(excerpts);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aListedMemberIsTheSameTokenAsInTheText() {
        TextTokenizer tok = model.tokenizer();
        QuotedTokenDocuments quoted = new QuotedTokenDocuments(excerpts, MemberForm.QUOTED);
        QuotedTokenDocuments listed = new QuotedTokenDocuments(excerpts, MemberForm.LISTED);
        int firing = 0;
        int foundQuoted = 0;
        int foundListed = 0;
        // one seed per document from a stream: Random's first draws for neighbouring seeds are alike
        Random seeds = new Random(13);
        for (int d = 0; d < DOCUMENTS; d++) {
            Concept c = concepts.get(d % concepts.size());
            long seed = seeds.nextLong();
            QuotedTokenDocuments.Lines q = quoted.draw(new Random(seed), c, concepts);
            QuotedTokenDocuments.Lines l = listed.draw(new Random(seed), c, concepts);
            assertEquals(q.tokens(), l.tokens(), "document " + d + ": the same excerpt");
            assertArrayEquals(q.values(), l.values(), "document " + d + ": the same values");
            if (c != Concept.PUNCTUATION) { // its members include the quote mark itself
                assertFalse(l.explanation().contains("'"), l.explanation());
                assertEquals(q.explanation().replace("'", ""), l.explanation(), "only the quotes differ");
            }
            long[] qIds = tok.encode(q.explanation());
            long[] lIds = tok.encode(l.explanation());
            for (int t = 0; t < l.tokens().size(); t++) {
                Integer v = l.values()[t];
                // words in running text, as the held-out concepts' members all are (digits and punctuation
                // are written without a leading space and match in either form)
                if (v == null || v == 0 || !l.tokens().get(t).startsWith(" ")) {
                    continue;
                }
                long[] token = tok.encode(l.tokens().get(t));
                firing++;
                foundQuoted += contains(qIds, token) ? 1 : 0;
                foundListed += contains(lIds, token) ? 1 : 0;
            }
        }
        System.out.printf("firing word lines %d: their token in the explanation's ids, quoted %d, listed %d%n", firing,
                foundQuoted, foundListed);
        assertTrue(firing > 300, "firing word lines " + firing);
        assertTrue(foundListed >= 0.9 * firing, "listed " + foundListed + " of " + firing);
        assertTrue(foundQuoted <= 0.2 * firing, "quoted " + foundQuoted + " of " + firing);
    }

    @Test
    void theWordsRecipeFiresOnAnyListedWordOfTheText() {
        TextTokenizer tok = model.tokenizer();
        QuotedTokenDocuments byConcept = new QuotedTokenDocuments(excerpts, MemberForm.LISTED);
        QuotedTokenDocuments words = new QuotedTokenDocuments(excerpts, MemberForm.LISTED, true);
        java.util.Set<String> firingConcepts = new java.util.HashSet<>();
        java.util.Set<String> firingWords = new java.util.HashSet<>();
        int firing = 0;
        int found = 0;
        Random seeds = new Random(17);
        for (int d = 0; d < DOCUMENTS; d++) {
            Concept c = concepts.get(d % concepts.size());
            long seed = seeds.nextLong();
            collect(byConcept.draw(new Random(seed), c, concepts), firingConcepts);
            QuotedTokenDocuments.Lines l = words.draw(new Random(seed), c, concepts);
            collect(l, firingWords);
            long[] ids = tok.encode(l.explanation());
            for (int t = 0; t < l.tokens().size(); t++) {
                Integer v = l.values()[t];
                if (v != null && v > 0 && l.tokens().get(t).startsWith(" ")) {
                    firing++;
                    found += contains(ids, tok.encode(l.tokens().get(t))) ? 1 : 0;
                }
            }
        }
        System.out.printf("distinct firing tokens: %d (neurons-listed), %d (neurons-words), of them no concept's member %d, %d;"
                + " listed in the explanation %d of %d%n", firingConcepts.size(), firingWords.size(),
                outsideConcepts(firingConcepts), outsideConcepts(firingWords), found, firing);
        // a listed word fires in any case (" Data" when "data" is listed), as members do
        assertTrue(found >= 0.95 * firing, "listed token for token: " + found + " of " + firing);
        assertEquals(0, outsideConcepts(firingConcepts), "neurons-listed fires on members only");
        assertTrue(outsideConcepts(firingWords) >= 40, "neurons-words fires on any words: " + outsideConcepts(firingWords));
    }

    private static long outsideConcepts(java.util.Set<String> tokens) {
        return tokens.stream().filter(t -> Arrays.stream(Concept.values()).noneMatch(c -> c.matches(t))).count();
    }

    private static void collect(QuotedTokenDocuments.Lines l, java.util.Set<String> into) {
        for (int t = 0; t < l.tokens().size(); t++) {
            if (l.values()[t] != null && l.values()[t] > 0) {
                into.add(l.tokens().get(t));
            }
        }
    }

    @Test
    void theListedRecipeTrainsItsExplanationsListed() {
        NeuronTrainingCorpus.Spec spec = NeuronTrainingCorpus.Spec.of(SimulationReveal.LISTED_TOKENS_UNKNOWN);
        assertEquals(0.8, spec.simulation());
        ExplanationDocuments docs = new ExplanationDocuments(model.tokenizer(), excerpts, model.config().maxPositions(),
                SimulationReveal.LISTED_TOKENS_UNKNOWN.memberForm(), false);
        int withMembers = 0;
        for (int d = 0; d < 20; d++) {
            NeuronTrainingCorpus.Example e = docs.document(new Random(1000L * d + 7), concepts.get(d % concepts.size()));
            StringBuilder trained = new StringBuilder();
            for (int k = 0; k < e.ids().length; k++) {
                if (e.trained()[k]) {
                    trained.append(model.tokenizer().decode(new long[] {e.ids()[k]}));
                }
            }
            if (concepts.get(d % concepts.size()) != Concept.PUNCTUATION) {
                assertFalse(trained.toString().contains("'"), trained.toString());
            }
            withMembers += trained.toString().contains(": ") ? 1 : 0;
        }
        assertTrue(withMembers >= 15, withMembers + " of 20 explanations list members");
    }

    /**
     * {@code train --corpus neurons-short}'s explanation documents: every word an explanation lists is
     * highlighted in its prompt (the copy the explainer must learn), and about half list words of no
     * concept's, made-up neurons' positives that only copying can name. Prompts are fitted to
     * {@link NeuronTrainingCorpus#SHORT_EXPLANATION_POSITIONS} less the explainer's 60 tokens, so the
     * explanation is a tenth of the document or more.
     */
    @Test
    void theShortRecipesExplanationsListWordsHighlightedInTheirPrompt() {
        TextTokenizer tok = model.tokenizer();
        ExplanationDocuments docs = new ExplanationDocuments(tok, excerpts, NeuronTrainingCorpus.SHORT_EXPLANATION_POSITIONS,
                MemberForm.LISTED, SimulationReveal.SHORT_WORDS_LISTED.shortLines());
        int budget = NeuronTrainingCorpus.SHORT_EXPLANATION_POSITIONS - ExplainerConfig.DEFAULT_MAX_TOKENS;
        int promptTokens = 0;
        int trainedTokens = 0;
        int madeUp = 0;
        int listed = 0;
        Random seeds = new Random(23);
        for (int d = 0; d < 40; d++) {
            Concept c = concepts.get(d % concepts.size());
            NeuronTrainingCorpus.Example e = docs.document(new Random(seeds.nextLong()), c);
            StringBuilder prompt = new StringBuilder();
            StringBuilder trained = new StringBuilder();
            for (int k = 0; k < e.ids().length; k++) {
                (e.trained()[k] ? trained : prompt).append(tok.decode(new long[] {e.ids()[k]}));
            }
            int trainedHere = 0;
            for (boolean t : e.trained()) {
                trainedHere += t ? 1 : 0;
            }
            assertTrue(e.ids().length - trainedHere <= budget, "document " + d + ": a prompt of "
                    + (e.ids().length - trainedHere) + " tokens, over " + budget);
            promptTokens += e.ids().length - trainedHere;
            trainedTokens += trainedHere;
            if (d == 1) {
                System.out.println("a short explanation document:\n" + prompt + "[trained:]" + trained);
            }
            String explanation = trained.toString().strip();
            assertTrue(explanation.startsWith(c.description() + ": ") && explanation.endsWith("."), explanation);
            List<String> words = List.of(explanation.substring(c.description().length() + 2, explanation.length() - 1)
                    .split(", "));
            for (String w : words) {
                assertTrue(prompt.toString().contains(w), "document " + d + ": '" + w + "' is not in its prompt");
            }
            listed += words.size();
            madeUp += words.stream().noneMatch(w -> c.matches(" " + w)) ? 1 : 0;
        }
        System.out.println("short explanations: " + madeUp + " of 40 for made-up neurons, " + listed + " words listed, "
                + promptTokens + " prompt tokens, " + trainedTokens + " trained");
        assertTrue(trainedTokens * 12 > promptTokens, trainedTokens + " trained tokens to " + promptTokens + " of prompts");
        assertTrue(madeUp >= 12 && madeUp <= 28, madeUp + " of 40 explanations are for made-up neurons");
    }

    /**
     * {@code train --corpus neurons-short}: short excerpts, every line trained but a held-out concept's
     * member's (left unknown, never taught as 0), firing on exactly the listed words.
     */
    @Test
    void everyLineOfAShortDocumentIsTrainedAndFiresExactlyOnTheListedWords() {
        TextTokenizer tok = model.tokenizer();
        QuotedTokenDocuments docs = new QuotedTokenDocuments(excerpts, MemberForm.LISTED, true);
        int lines = 0;
        int firing = 0;
        int found = 0;
        int heldOut = 0;
        Random seeds = new Random(19);
        for (int d = 0; d < DOCUMENTS; d++) {
            QuotedTokenDocuments.Lines l = docs.drawShort(new Random(seeds.nextLong()), concepts.get(d % concepts.size()));
            assertTrue(l.tokens().size() >= 1 && l.tokens().size() <= 24, "document " + d + ": " + l.tokens().size() + " lines");
            long[] explanation = tok.encode(l.explanation());
            int fires = 0;
            for (int t = 0; t < l.tokens().size(); t++) {
                Integer v = l.values()[t];
                String token = l.tokens().get(t);
                if (NeuronTrainingCorpus.heldOutMember(token)) {
                    assertEquals(null, v, "document " + d + ": held-out member '" + token + "' is trained");
                    heldOut++;
                    continue;
                }
                assertNotNull(v, "document " + d + ", line " + t + " is not trained");
                boolean listed = l.tokens().get(t).startsWith(" ") && contains(explanation, tok.encode(l.tokens().get(t)));
                if (v > 0) {
                    fires++;
                    found += listed ? 1 : 0;
                    // a listed word fires in any case (" input" when "Input" is listed), as in neurons-words
                    assertTrue(l.explanation().toLowerCase().contains(l.tokens().get(t).strip().toLowerCase()),
                            "document " + d + ": '" + l.tokens().get(t) + "' fires but is not listed in " + l.explanation());
                }
            }
            assertTrue(fires >= 1, "document " + d + " has no firing line");
            lines += l.tokens().size();
            firing += fires;
        }
        System.out.printf("%d short documents: %d lines, all trained but %d of held-out members, %d firing (%.1f%%), %d of them"
                + " the very token listed%n", DOCUMENTS, lines, heldOut, firing, 100.0 * firing / lines, found);
        assertTrue(heldOut >= 1, "the excerpts hold held-out members (as the generated text does), left untrained");
        assertTrue(found >= 0.95 * firing, "listed token for token: " + found + " of " + firing);
        assertTrue(firing >= 0.08 * lines && firing <= 0.4 * lines, firing + " of " + lines + " lines fire");
    }

    @Test
    void aShortDocumentIsTheSimulatorsPromptWithoutTheSystemMessage() {
        SimulationDocuments docs = new SimulationDocuments(model.tokenizer(), excerpts, model.config().maxPositions(),
                SimulationReveal.SHORT_WORDS_LISTED);
        long tab = model.tokenizer().encode("\t")[0];
        int trainedShare = 0;
        int tokens = 0;
        for (int d = 0; d < 40; d++) {
            NeuronTrainingCorpus.Example e = docs.document(new Random(1000L * d + 3), concepts.get(d % concepts.size()), concepts);
            assertTrue(e.ids().length <= NeuronTrainingCorpus.SHORT_POSITIONS, e.ids().length + " ids");
            String text = model.tokenizer().decode(e.ids());
            assertFalse(text.contains("We're studying neurons"), text);
            assertTrue(text.contains("Activations: \n<start>\n"), text);
            long tabs = Arrays.stream(e.ids()).filter(i -> i == tab).count();
            int trained = 0;
            for (int k = 0; k < e.ids().length; k++) {
                if (e.trained()[k]) {
                    trained++;
                    assertEquals(tab, e.ids()[k - 1], "a trained slot follows its line's tab");
                }
            }
            for (int k = 1; k + 1 < e.ids().length; k++) {
                if (e.ids()[k] == tab && !e.trained()[k + 1]) {
                    String line = model.tokenizer().piece((int) e.ids()[k - 1]);
                    assertTrue(NeuronTrainingCorpus.heldOutMember(line),
                            "document " + d + ": line '" + line + "' is not trained, and is no held-out member");
                }
            }
            trainedShare += trained;
            tokens += e.ids().length;
        }
        System.out.printf("trained values: %d of %d tokens (%.1f%%)%n", trainedShare, tokens, 100.0 * trainedShare / tokens);
    }

    private static boolean contains(long[] haystack, long[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return true;
            }
        }
        return false;
    }
}
