package io.github.promptscope.neurons;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** The puzzles loop's results: per puzzle, and summed up (what {@code neurons puzzles} prints). */
public record PuzzleReport(List<PuzzleResult> results) {

    public PuzzleReport {
        results = List.copyOf(results);
    }

    public long exactMatches() {
        return results.stream().filter(PuzzleResult::exact).count();
    }

    public double meanKeywordRecall() {
        return results.stream().mapToDouble(PuzzleResult::keywordRecall).average().orElse(Double.NaN);
    }

    /** Mean cosine over the puzzles that have one (NaN when none does). */
    public double meanSimilarity() {
        return results.stream().mapToDouble(PuzzleResult::similarity).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /** Puzzles whose explanation lies closer to the answer than to every false explanation. */
    public long closerToTruth() {
        return results.stream().filter(r -> Boolean.TRUE.equals(r.closerToTruth())).count();
    }

    public double meanPromptTokens() {
        return results.stream().mapToInt(PuzzleResult::promptTokens).filter(t -> t >= 0).average().orElse(Double.NaN);
    }

    public String toTable() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-16s %-5s %8s %7s %6s  %s%n", "puzzle", "exact",
                "keywords", "cosine", "tokens", "explanation  |  answer"));
        for (PuzzleResult r : results) {
            b.append(String.format(Locale.ROOT, "%-16s %-5s %8.2f %7s %6s  %s  |  %s%n", r.puzzle(), r.exact() ? "yes" : "no",
                    r.keywordRecall(), Double.isFinite(r.similarity()) ? String.format(Locale.ROOT, "%.3f", r.similarity()) : "-",
                    r.promptTokens() < 0 ? "-" : Integer.toString(r.promptTokens()), shorten(r.first()), r.truth()));
        }
        b.append(String.format(Locale.ROOT, "%d puzzles: %d exact, mean keyword recall %.2f, mean cosine %s, %d closer to"
                + " the answer than to every false explanation, mean prompt tokens %s%n", results.size(), exactMatches(),
                meanKeywordRecall(), Double.isFinite(meanSimilarity()) ? String.format(Locale.ROOT, "%.3f", meanSimilarity())
                        : "-", closerToTruth(), Double.isFinite(meanPromptTokens())
                        ? String.format(Locale.ROOT, "%.1f", meanPromptTokens()) : "-"));
        return b.toString();
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        ObjectNode summary = o.putObject("summary");
        summary.put("puzzles", results.size());
        summary.put("exact", exactMatches());
        put(summary, "mean_keyword_recall", meanKeywordRecall());
        put(summary, "mean_similarity", meanSimilarity());
        summary.put("closer_to_truth", closerToTruth());
        put(summary, "mean_prompt_tokens", meanPromptTokens());
        for (PuzzleResult r : results) {
            ObjectNode p = o.withArray("puzzles").addObject();
            p.put("name", r.puzzle());
            p.put("truth", r.truth());
            r.explanations().forEach(p.putArray("explanations")::add);
            p.put("exact", r.exact());
            p.put("keyword_recall", r.keywordRecall());
            put(p, "similarity", r.similarity());
            if (r.closerToTruth() == null) {
                p.putNull("closer_to_truth");
            } else {
                p.put("closer_to_truth", r.closerToTruth());
            }
            if (r.promptTokens() >= 0) {
                p.put("prompt_tokens", r.promptTokens());
            }
        }
        return o;
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    private static void put(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
