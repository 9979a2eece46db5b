package io.github.promptscope.neurons;

import io.github.promptscope.lm.tokenizer.TextTokenizer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Excerpts of synthetic neurons for the neurons model's training corpus: 64-token windows of the
 * generated corpus, cut as {@link ActivationCollector} cuts them (documents end to end, end-of-text
 * between), in which a few words may be replaced by single-token members of a concept. Most concepts
 * are rare in the generated corpus, so replacing words is what gives every concept excerpts to fire
 * on; the values of every token still follow {@link Concept#matches}, so words of a concept that
 * occur naturally count too.
 */
final class ConceptExcerpts {

    /** The tokens a member may replace: a lower-case word with its leading space. */
    private static final Pattern WORD = Pattern.compile(" [a-z]+");

    /** The vocabulary's words {@link #drawVocabulary} puts into text. */
    private static final Pattern VOCABULARY_WORD = Pattern.compile(" [A-Za-z]{3,}");

    /** A window as ids and as the token strings records store. */
    record Excerpt(long[] ids, List<String> tokens) {
        /** The excerpt's first 24-64 tokens (the window is 64), the length drawn from {@code rng}. */
        List<String> leading(Random rng) {
            return tokens.subList(0, 24 + rng.nextInt(tokens.size() - 23));
        }
    }

    private final TextTokenizer tokenizer;
    private final String[] pieces; // every id's token string, looked up once
    private final List<long[]> windows = new ArrayList<>();
    private final Map<Concept, List<Long>> memberIds = new EnumMap<>(Concept.class);
    private final List<Long> vocabularyWords = new ArrayList<>();

    ConceptExcerpts(TextTokenizer tokenizer, List<String> documents, long endOfText, int windowTokens) {
        this.tokenizer = tokenizer;
        this.pieces = new String[tokenizer.vocabSize()];
        for (int id = 0; id < pieces.length; id++) {
            pieces[id] = tokenizer.piece(id);
        }
        List<Long> stream = new ArrayList<>();
        for (String d : documents) {
            for (long id : tokenizer.encode(d)) {
                stream.add(id);
            }
            stream.add(endOfText);
        }
        for (int start = 0; start + windowTokens <= stream.size(); start += windowTokens) {
            long[] w = new long[windowTokens];
            for (int i = 0; i < windowTokens; i++) {
                w[i] = stream.get(start + i);
            }
            windows.add(w);
        }
        for (Concept c : Concept.values()) {
            memberIds.put(c, singleTokenMembers(c));
        }
        for (int id = 0; id < pieces.length; id++) {
            String p = pieces[id];
            if (VOCABULARY_WORD.matcher(p).matches() && !NeuronTrainingCorpus.heldOutMember(p)) {
                vocabularyWords.add((long) id);
            }
        }
    }

    /** Members the tokenizer writes as one token that the concept matches (with a leading space where one fits). */
    private List<Long> singleTokenMembers(Concept c) {
        List<Long> out = new ArrayList<>();
        for (String m : c.members()) {
            for (String form : List.of(" " + m, m)) {
                long[] ids = tokenizer.encode(form);
                if (ids.length == 1 && c.matches(tokenizer.piece(ids[0])) && !out.contains(ids[0])) {
                    out.add(ids[0]);
                    break;
                }
            }
        }
        return out;
    }

    /** The concepts with at least two single-token members (the others cannot be put into text). */
    boolean usable(Concept c) {
        return memberIds.get(c).size() >= 2;
    }

    /** A random window with {@code replacements} words replaced by members of {@code concept} (0: as written). */
    Excerpt draw(Random rng, Concept concept, int replacements) {
        return withReplacements(rng, replacements, memberIds.get(concept), Integer.MAX_VALUE);
    }

    /** A random window's first {@code length} tokens with {@code replacements} of their words replaced by members of {@code concept}. */
    List<String> drawShort(Random rng, Concept concept, int replacements, int length) {
        return withReplacements(rng, replacements, memberIds.get(concept), length).tokens().subList(0, length);
    }

    /**
     * A random window with {@code n} words replaced by words drawn from the whole vocabulary (single
     * tokens: a leading space and at least three letters), never a member of a concept held out of the
     * neurons corpus: positives for a copy task that are not tied to any concept.
     */
    Excerpt drawVocabulary(Random rng, int n) {
        return withReplacements(rng, n, vocabularyWords, Integer.MAX_VALUE);
    }

    /** {@code n} distinct vocabulary words ({@link #drawVocabulary}'s), as ids: the positives of one made-up neuron. */
    List<Long> vocabularySample(Random rng, int n) {
        List<Long> out = new ArrayList<>();
        while (out.size() < Math.min(n, vocabularyWords.size())) {
            Long id = vocabularyWords.get(rng.nextInt(vocabularyWords.size()));
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** A random window with {@code n} words replaced by words drawn from {@code words} (ids). */
    Excerpt drawAmong(Random rng, int n, List<Long> words) {
        return withReplacements(rng, n, words, Integer.MAX_VALUE);
    }

    /** A random window with up to {@code n} of its {@link #WORD}s among the first {@code within} tokens replaced by ids drawn from {@code candidates}. */
    private Excerpt withReplacements(Random rng, int n, List<Long> candidates, int within) {
        long[] ids = windows.get(rng.nextInt(windows.size())).clone();
        List<Integer> words = new ArrayList<>();
        for (int i = 0; i < Math.min(ids.length, within); i++) {
            if (WORD.matcher(pieces[(int) ids[i]]).matches()) {
                words.add(i);
            }
        }
        for (int k = 0; k < n && !words.isEmpty() && !candidates.isEmpty(); k++) {
            int at = words.remove(rng.nextInt(words.size()));
            ids[at] = candidates.get(rng.nextInt(candidates.size()));
        }
        List<String> tokens = new ArrayList<>(ids.length);
        for (long id : ids) {
            tokens.add(pieces[(int) id]);
        }
        return new Excerpt(ids, tokens);
    }

    /** The distinct members of {@code concept} in {@code tokens}, as stripped text, most frequent first. */
    static List<String> membersIn(Concept concept, List<String> tokens) {
        return matchesIn(concept::matches, tokens);
    }

    /** The distinct tokens {@code fires} accepts in {@code tokens}, as stripped text, most frequent first. */
    static List<String> matchesIn(java.util.function.Predicate<String> fires, List<String> tokens) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String t : tokens) {
            if (fires.test(t)) {
                counts.merge(t.strip(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    /** Members of {@code concept} as stripped token text, single-token ones only. */
    List<String> memberTexts(Concept concept) {
        return memberIds.get(concept).stream().map(id -> tokenizer.piece(id).strip()).toList();
    }
}
