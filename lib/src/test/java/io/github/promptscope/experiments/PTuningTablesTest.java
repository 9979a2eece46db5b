package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.promptscope.results.Json;
import io.github.promptscope.results.Provenance;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The experiment's tables on hand-made records: means and standard errors over seeds, the bootstrap's winner, the curve. */
class PTuningTablesTest {

    private static final Provenance WHEN = new Provenance("dev", "unknown", "jdk", "os", "arch",
            Instant.EPOCH.toString(), Instant.EPOCH.toString(), 0, 0);

    private static RunRecord record(String task, String method, long seed, Map<String, Double> metrics,
            Map<String, List<Double>> series) {
        RunConfig c = RunConfig.of(PTuningExperiment.SYSTEM, method, task, seed, "models/tuning", "abc", Map.of());
        return RunRecord.done("ptuning", c, List.of(), metrics, series, WHEN);
    }

    @Test
    void armsAreAveragedOverSeedsAndTheBootstrapNamesItsWinner(@TempDir Path dir) throws Exception {
        List<RunRecord> written = List.of(
                record("toy-nli", "original", 1, Map.of("token_accuracy", 0.6, "exact_match", 0.2, "greedy_exact_match", 0.2,
                        "best_epoch", 2.0), Map.of("dev_token_accuracy", List.of(0.1, 0.5, 0.6))),
                record("toy-nli", "original", 2, Map.of("token_accuracy", 0.8, "exact_match", 0.4, "greedy_exact_match", 0.3,
                        "best_epoch", 1.0), Map.of()),
                record("toy-summary", "hard", 1, Map.of("token_accuracy", 0.5, "rouge_l", 0.45, "greedy_exact_match", 0.0,
                        "fraction_still_init", 1.0, "mean_cosine_to_init", 1.0, "best_epoch", 0.0), Map.of()),
                record("toy-nli", PTuningExperiment.BOOTSTRAP, 1, Map.of("mean_new_template", 0.3, "mean_original", 0.2,
                        "winner", 1.0, "p_value", 0.04), Map.of()));
        for (RunRecord r : written) {
            Files.write(dir.resolve(r.id() + ".json"), Json.MAPPER.writeValueAsBytes(r));
        }
        Files.createDirectories(dir.resolve("readouts"));
        List<RunRecord> records = PTuningTables.load(dir);
        assertEquals(4, records.size());

        Table arms = PTuningTables.byArm(records);
        assertEquals(List.of("toy-nli", "toy-summary"), arms.stringColumn("task").asList(), "the stand-ins' order");
        assertEquals(2, arms.intColumn("seeds").get(0));
        assertEquals(0.7, arms.doubleColumn("token acc").get(0), 1e-12);
        assertEquals(0.1, arms.doubleColumn("token acc se").get(0), 1e-12, "sd 0.1414 / sqrt 2");
        assertEquals(0.3, arms.doubleColumn("answer").get(0), 1e-12);
        assertEquals("ROUGE-L F1", arms.stringColumn("answer metric").get(1));
        assertEquals(0.45, arms.doubleColumn("answer").get(1), 1e-12);
        assertEquals(1.0, arms.doubleColumn("still at init").get(1), 1e-12);

        Table boot = PTuningTables.bootstrap(records);
        assertEquals("new (template)", boot.stringColumn("winner").get(0));
        assertEquals(0.04, boot.doubleColumn("p value").get(0), 1e-12);

        Table curve = PTuningTables.curve(records, "toy-nli", 1);
        assertEquals(3, curve.rowCount());
        assertEquals(0.6, curve.doubleColumn("dev token accuracy").get(2), 1e-12);
    }
}
