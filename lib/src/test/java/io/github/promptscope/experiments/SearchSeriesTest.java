package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.results.Json;
import io.github.promptscope.results.Provenance;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.ScoredPrompt;
import io.github.promptscope.search.AutoPrompt;
import io.github.promptscope.search.Budget;
import io.github.promptscope.search.IPrompt;
import io.github.promptscope.search.IPromptConfig;
import io.github.promptscope.search.SearchResult;
import io.github.promptscope.search.StepStats;
import io.github.promptscope.search.TraceEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * What a search returns beside its ranking, as the reference returns it: the per-step series
 * ({@code all_losses}, {@code all_n_correct}), every proposal, evaluations per prompt; and how
 * they reach the series table and the run record.
 */
class SearchSeriesTest {

    private static LanguageModel lm;
    private static List<String> inputs;
    private static List<String> outputs;

    @BeforeAll
    static void load() throws Exception {
        System.setProperty("promptscope.progress", "off");
        lm = LanguageModel.load(Path.of(SearchSeriesTest.class.getResource("/fixtures/gpt2-lmhead").toURI()));
        List<Example> xs = Datasets.get("add_two", 0, 20).train();
        inputs = xs.stream().map(Example::input).toList();
        outputs = xs.stream().map(Example::output).toList();
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    private static IPromptConfig small() {
        return IPromptConfig.quick().toBuilder().numLearnedTokens(3).batchSize(4).popSize(4).numRandomGenerations(2)
                .numMutations(1).doFinalReranking(false).seed(3).build();
    }

    @Test
    void iPromptSeriesIsTheStepsLowestLossAndMostCorrectAndProposalsAreEveryGeneration() {
        SearchResult r = new IPrompt(small()).search(lm, inputs, outputs, Budget.steps(3));
        assertEquals(3, r.series().size());
        for (StepStats s : r.series()) {
            List<TraceEntry> step = r.trace().stream().filter(t -> t.step() == s.step()).toList();
            assertEquals(small().candidatesPerStep(), step.size());
            assertEquals(4, s.rows());
            assertEquals(step.stream().mapToDouble(TraceEntry::loss).min().orElseThrow(), s.loss(), 0.0);
            long most = step.stream().mapToLong(t -> Math.round(t.accuracy() * s.rows())).max().orElseThrow();
            assertEquals(most, s.nCorrect());
            assertEquals(step.stream().mapToDouble(TraceEntry::loss).average().orElseThrow(), s.meanLoss(), 1e-12);
            assertEquals(step.stream().mapToDouble(TraceEntry::accuracy).average().orElseThrow(), s.meanAccuracy(), 1e-12);
        }
        // the initial pool (at least popSize generations), then each step's fresh prompts and mutations in order
        List<String> generatedInSteps = r.trace().stream()
                .filter(t -> t.origin().equals("random") || t.origin().equals("mutation")).map(TraceEntry::prompt).toList();
        assertEquals(3 * 8, generatedInSteps.size()); // 2 fresh + (4 + 2) mutations a step
        int init = r.proposals().size() - generatedInSteps.size();
        assertTrue(init >= 4, "the initial pool: " + init);
        assertEquals(generatedInSteps, r.proposals().subList(init, r.proposals().size()));

        Table t = SearchTables.series(r);
        assertEquals(List.of("step", "loss", "n_correct", "accuracy", "mean_loss", "mean_accuracy"), t.columnNames());
        assertEquals(3, t.rowCount());
        for (int i = 0; i < 3; i++) {
            StepStats s = r.series().get(i);
            assertEquals(i, t.intColumn("step").get(i));
            assertEquals(s.loss(), t.doubleColumn("loss").get(i), 0.0);
            assertEquals(s.nCorrect() / 4.0, t.doubleColumn("accuracy").get(i), 0.0);
            assertEquals(s.meanLoss(), t.doubleColumn("mean_loss").get(i), 0.0);
        }
        assertEquals(r.proposals().size(), SearchTables.proposals(r).rowCount());
    }

    @Test
    void autoPromptSeriesIsTheKeptPromptsLossAndItHasNoProposals() {
        SearchResult r = AutoPrompt.defaults(small()).search(lm, inputs, outputs, Budget.steps(3));
        assertEquals(3, r.series().size());
        assertTrue(r.proposals().isEmpty());
        for (int i = 0; i + 1 < r.steps(); i++) {
            int step = i;
            // the next step's current prompt is the one kept, scored on this step's batch at the series' loss
            String kept = r.trace().stream().filter(t -> t.step() == step + 1).findFirst().orElseThrow().prompt();
            double keptLoss = r.trace().stream().filter(t -> t.step() == step && t.prompt().equals(kept))
                    .mapToDouble(TraceEntry::loss).min().orElseThrow();
            assertEquals(keptLoss, r.series().get(i).loss(), 0.0, "step " + i);
        }
    }

    @Test
    void theRunRecordKeepsSeriesEvaluationsAndProposalsAndReadsBack() throws Exception {
        SearchResult r = new IPrompt(small()).search(lm, inputs, outputs, Budget.steps(3));
        SearchedRows rows = new SearchedRows("add_two", "task", Map.of(), inputs, outputs);
        RunConfig cfg = SearchRecords.config("iprompt", rows, lm, small(), Budget.steps(3));
        assertEquals(IPrompt.ALGORITHM, cfg.params().path("algorithm").asText());
        assertEquals(3, cfg.params().path("search").path("maxNSteps").asInt());
        RunRecord rec = SearchRecords.record("test", cfg, r, null, Instant.EPOCH, Instant.EPOCH);
        Map<String, List<Double>> series = rec.series();
        assertEquals(List.of("loss", "mean_accuracy", "mean_loss", "n_correct", "rows"), List.copyOf(series.keySet()));
        for (int i = 0; i < 3; i++) {
            assertEquals(r.series().get(i).loss(), series.get("loss").get(i), 0.0);
            assertEquals(r.series().get(i).nCorrect(), series.get("n_correct").get(i), 0.0);
        }
        assertEquals(r.proposals().size(), rec.metrics().get("proposals"), 0.0);
        assertEquals(r.proposals().stream().distinct().count(), rec.metrics().get("distinct_proposals"), 0.0);
        // the proposal strings themselves: each distinct one once, in the order first generated
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(r.proposals()));
        assertTrue(distinct.size() > 4 && distinct.size() < r.proposals().size(), "repeats to drop: " + distinct.size()
                + " distinct of " + r.proposals().size());
        assertEquals(distinct, rec.proposals());
        assertEquals(r.ranked().get(0).evaluations(), rec.prompts().get(0).evaluations());

        String json = Json.MAPPER.writeValueAsString(rec);
        RunRecord back = Json.MAPPER.readValue(json, RunRecord.class);
        assertEquals(rec.series(), back.series());
        assertEquals(rec.prompts(), back.prompts());
        assertEquals(rec.proposals(), back.proposals());
        JsonNode node = Json.MAPPER.readTree(json);
        assertTrue(node.path("series").path("loss").isArray(), "series as arrays of numbers");
        assertEquals(3, node.path("series").path("loss").size());
        assertEquals(distinct.size(), node.path("proposals").size(), "proposals as an array of strings");
        assertEquals(distinct.get(0), node.path("proposals").get(0).asText());

        // a record without series or evaluations (written before they existed) writes and reads as it did
        RunRecord plain = RunRecord.done("test", cfg, List.of(new ScoredPrompt(" p", 0.5, 1.0)), Map.of("rank", 1.0),
                Provenance.capture(Instant.EPOCH, Instant.EPOCH, 0));
        JsonNode plainNode = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(plain));
        assertFalse(plainNode.has("series"));
        assertFalse(plainNode.has("proposals"));
        assertFalse(plainNode.path("prompts").get(0).has("evaluations"));
        RunRecord plainBack = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(plain), RunRecord.class);
        assertTrue(plainBack.series().isEmpty());
        assertTrue(plainBack.proposals().isEmpty());
        assertNull(plainBack.prompts().get(0).evaluations());
    }
}
