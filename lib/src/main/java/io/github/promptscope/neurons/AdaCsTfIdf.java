package io.github.promptscope.neurons;

import io.github.promptscope.util.Correlation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TF-IDF cosine (spec neurons.md 7.4 b) with scikit-learn's {@code TfidfVectorizer} defaults for the
 * weights: raw term counts times {@code idf = ln((1 + n) / (1 + df)) + 1} over the n reference
 * documents, so a word no document holds still counts (df = 0). Words are runs of letters and
 * digits, lower-cased.
 */
final class AdaCsTfIdf implements AdaCsSubstitute {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final int documents;
    private final Map<String, Integer> documentFrequency = new HashMap<>();

    AdaCsTfIdf(List<String> documents) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("TF-IDF needs at least one document to take word frequencies from");
        }
        this.documents = documents.size();
        for (String d : documents) {
            for (String w : new HashSet<>(words(d))) {
                documentFrequency.merge(w, 1, Integer::sum);
            }
        }
    }

    @Override
    public double similarity(String explanation, String reference) {
        Map<String, Integer> a = counts(explanation);
        Map<String, Integer> b = counts(reference);
        Set<String> vocabulary = new TreeSet<>(a.keySet());
        vocabulary.addAll(b.keySet());
        if (vocabulary.isEmpty()) {
            return Double.NaN;
        }
        double[] x = new double[vocabulary.size()];
        double[] y = new double[vocabulary.size()];
        int i = 0;
        for (String w : vocabulary) {
            double idf = idf(w);
            x[i] = a.getOrDefault(w, 0) * idf;
            y[i] = b.getOrDefault(w, 0) * idf;
            i++;
        }
        return Correlation.cosine(x, y);
    }

    @Override
    public String name() {
        return "tfidf_cosine";
    }

    double idf(String word) {
        return Math.log((1.0 + documents) / (1.0 + documentFrequency.getOrDefault(word, 0))) + 1;
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> out = new HashMap<>();
        for (String w : words(text)) {
            out.merge(w, 1, Integer::sum);
        }
        return out;
    }

    private static List<String> words(String text) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
