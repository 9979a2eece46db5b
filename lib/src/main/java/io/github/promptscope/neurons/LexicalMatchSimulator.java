package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transparent non-LLM simulator: a token is predicted at 10 when its text (surrounding
 * whitespace and case ignored) is a term the explanation names, else 0. The terms are the
 * explanation's quoted strings ({@code 'red'} or {@code "it's"}) when it quotes any (the token-lookup
 * form and {@link Concept#explanation}), otherwise every word of it (runs of letters and digits), so
 * "words related to colours" predicts activity on "words", "related", "to" and "colours" and on
 * nothing else. It reads no context and knows no synonyms: it shows what a simulator that only
 * matches words can confirm, not what a language model would infer.
 */
public final class LexicalMatchSimulator implements NeuronSimulator {

    /** The predicted value of a matching token (the top of the 0-10 scale). */
    public static final int MATCH = 10;

    private static final Pattern QUOTED = Pattern.compile("(?<![\\p{L}\\p{N}])(?:'([^']+)'|\"([^\"]+)\")(?![\\p{L}\\p{N}])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    @Override
    public List<Simulation> simulate(String explanation, List<List<String>> excerpts) {
        Set<String> terms = terms(explanation);
        List<Simulation> out = new ArrayList<>();
        for (List<String> tokens : excerpts) {
            double[] ev = new double[tokens.size()];
            double[][] p = new double[tokens.size()][11];
            for (int t = 0; t < ev.length; t++) {
                int value = terms.contains(Concept.normalized(tokens.get(t))) ? MATCH : 0;
                ev[t] = value;
                p[t][value] = 1;
            }
            out.add(new Simulation(tokens, ev, p));
        }
        return out;
    }

    /** The terms a token is matched against, lower-cased. */
    public static Set<String> terms(String explanation) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher q = QUOTED.matcher(explanation);
        while (q.find()) {
            terms.add(Concept.normalized(q.group(1) != null ? q.group(1) : q.group(2)));
        }
        if (terms.isEmpty()) {
            Matcher w = WORD.matcher(explanation);
            while (w.find()) {
                terms.add(Concept.normalized(w.group()));
            }
        }
        terms.remove("");
        return terms;
    }
}
