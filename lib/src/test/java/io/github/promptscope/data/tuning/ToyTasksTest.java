package io.github.promptscope.data.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The five stand-ins of spec B6: sizes, determinism, disjoint splits, and answers re-derived from the queries. */
class ToyTasksTest {

    private static List<TuningExample> all(TuningTask t) {
        List<TuningExample> rows = new ArrayList<>(t.train());
        rows.addAll(t.dev());
        rows.addAll(t.test());
        return rows;
    }

    @Test
    void everyStandInHas400Then200Then200DistinctRowsTheSameForTheSameSeed() {
        assertEquals(List.of("toy-rcqa", "toy-nli", "toy-topic", "toy-summary", "toy-ja"), TuningTasks.standInNames());
        for (String name : TuningTasks.standInNames()) {
            TuningTask t = TuningTasks.named(name, 0);
            assertEquals(name, t.name());
            assertEquals(List.of(400, 200, 200), List.of(t.train().size(), t.dev().size(), t.test().size()), name);
            Set<String> queries = all(t).stream().map(TuningExample::query).collect(Collectors.toSet());
            assertEquals(800, queries.size(), name + ": a query repeats across rows or splits");
            assertEquals(t, TuningTasks.named(name, 0), name + ": not deterministic");
            assertNotEquals(t.train(), TuningTasks.named(name, 1).train(), name + ": the seed is ignored");
            for (TuningExample e : all(t)) {
                assertTrue(e.query().split(" ").length <= 64 && e.answer().split(" ").length <= 8, e.toString());
            }
        }
    }

    @Test
    void flagsSayHowEachTaskIsScored() {
        assertTrue(TuningTasks.named("toy-summary", 0).scoredByRouge());
        assertFalse(TuningTasks.named("toy-nli", 0).scoredByRouge());
        assertTrue(TuningTasks.named("toy-ja", 0).japanese());
        assertFalse(TuningTasks.named("toy-rcqa", 0).japanese());
    }

    @Test
    void rcqaAnswersAreThePlaceOfTheAskedFact() {
        Map<String, String> verbOfQuestion = Map.of("live ?", "lives in", "work ?", "works in", "born ?", "was born in",
                "study ?", "studies in");
        Set<Integer> answerWords = new HashSet<>();
        for (TuningExample e : all(TuningTasks.named("toy-rcqa", 3))) {
            String[] parts = e.query().split(" \\. ");
            String question = parts[parts.length - 1];                         // "where does alice live ?"
            String person = question.split(" ")[2];
            String verb = verbOfQuestion.get(question.substring(question.lastIndexOf(' ', question.length() - 3) + 1));
            String expected = null;
            for (String fact : Arrays.copyOf(parts, parts.length - 1)) {
                String f = fact.endsWith(" .") ? fact.substring(0, fact.length() - 2) : fact;
                if (f.startsWith(person + " " + verb + " ")) {
                    expected = f.substring((person + " " + verb + " ").length());
                }
            }
            assertEquals(expected, e.answer(), e.query());
            answerWords.add(e.answer().split(" ").length);
        }
        assertEquals(Set.of(1, 2, 3), answerWords, "one- to three-word places");
    }

    @Test
    void nliLabelsFollowFromTheSentences() {
        Map<String, String> group = new HashMap<>();
        ToyLists.rows("nli_attributes.tsv", 2).forEach(r -> group.put(r.get(1), r.get(0)));
        Map<String, Integer> counts = new HashMap<>();
        for (TuningExample e : all(TuningTasks.named("toy-nli", 0))) {
            String[] s = e.query().split(" \\. ?");                          // premise, hypothesis
            List<String> premise = Arrays.asList(s[0].split(" is ", 2)[1].split(" and "));
            String hyp = s[1].split(" is ", 2)[1];
            boolean negated = hyp.startsWith("not ");
            String value = negated ? hyp.substring(4) : hyp;
            boolean sameGroup = premise.stream().anyMatch(p -> group.get(p).equals(group.get(value)));
            String expected = premise.contains(value) ? (negated ? "false" : "true")
                    : sameGroup ? "false" : "in between";
            assertFalse(sameGroup && !premise.contains(value) && negated, "ambiguous 'not <rival value>': " + e);
            assertEquals(expected, e.answer(), e.query());
            counts.merge(e.answer(), 1, Integer::sum);
        }
        assertEquals(Set.of("true", "false", "in between"), counts.keySet());
        counts.values().forEach(c -> assertTrue(c > 200, "labels near 1/3 each: " + counts));
    }

    @Test
    void japaneseNliUsesTheJsnliLayoutAndLabels() {
        Map<String, Integer> counts = new HashMap<>();
        for (TuningExample e : all(TuningTasks.named("toy-ja", 0))) {
            String[] s = e.query().split("。");
            assertEquals(2, s.length, e.query());
            assertTrue(e.query().endsWith("。"));
            String premise = s[0].split(" は ")[1];
            String hyp = s[1].split(" は ")[1];
            String expected = hyp.equals(premise) ? JapaneseNli.ENTAILMENT
                    : hyp.endsWith(" ない") && hyp.replace("く ない", "い").equals(premise) ? JapaneseNli.CONTRADICTION
                    : null;
            if (expected != null) {
                assertEquals(expected, e.answer(), e.query());
            }
            counts.merge(e.answer(), 1, Integer::sum);
        }
        assertEquals(Set.of("正", "誤", "中間"), counts.keySet());
        assertEquals("猫 は 赤い。猫 は 青い。", JapaneseNli.query("猫 は 赤い。。", "猫 は 青い"));
    }

    @Test
    void topicAnswersAreTheCategoryMostOfTheKeywordsBelongTo() {
        Map<String, String> categoryOf = new HashMap<>();
        for (List<String> r : ToyLists.rows("topics.tsv", 2)) {
            for (String k : r.get(1).split(",")) {
                categoryOf.put(k, r.get(0));
            }
        }
        for (TuningExample e : all(TuningTasks.named("toy-topic", 0))) {
            Map<String, Long> votes = Arrays.stream(e.query().split(" ")).filter(categoryOf::containsKey)
                    .collect(Collectors.groupingBy(categoryOf::get, Collectors.counting()));
            assertTrue(votes.getOrDefault(e.answer(), 0L) >= 3, e.toString());
            assertEquals(e.answer(), votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        }
    }

    @Test
    void summaryAnswersAreTheFlaggedPersonsSentence() {
        for (TuningExample e : all(TuningTasks.named("toy-summary", 0))) {
            List<String> sentences = Arrays.asList(e.query().split(" \\. "));
            String person = e.query().substring(e.query().lastIndexOf("about ") + 6, e.query().length() - 2);
            assertTrue(sentences.size() >= 4 && sentences.size() <= 6, e.query());
            assertTrue(sentences.contains(e.answer()), e.toString());
            assertEquals(person, e.answer().split(" ")[0]);
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TuningTasks.named("toy-xyz", 0));
        assertTrue(e.getMessage().contains("toy-xyz") && e.getMessage().contains("toy-nli")
                && e.getMessage().contains("jsnli"), e.getMessage());
    }
}
