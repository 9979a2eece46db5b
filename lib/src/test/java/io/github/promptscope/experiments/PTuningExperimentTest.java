package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.data.tuning.TuningTasks;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.ptuning.PTuningConfig;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.util.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four-arm experiment on toy-nli, one seed, one epoch, on the shipped base model: a record per arm
 * and the bootstrap, side files beside them, a rerun that skips everything, the untuned human prompt
 * scoring what {@link TuningModelCheck} scores for the same prompt written as text, and the bootstrap
 * reading the arms' per-example files.
 */
class PTuningExperimentTest {

    @Test
    void fourArmsAndABootstrapPerSeedResumable(@TempDir Path dir) throws Exception {
        PTuningConfig base = PTuningConfig.defaults().withTraining(1e-3, 4, 1, 0);
        RecordStore store = new RecordStore(dir, "ptuning");
        try (Progress.Off quiet = Progress.off(); LanguageModel lm = LanguageModel.load(Path.of("models/tuning"))) {
            PTuningExperiment exp = new PTuningExperiment(lm, List.of("toy-nli"), List.of(1L), base, dir.resolve("runs"));
            SweepReport first = exp.run(store, false);
            assertEquals(5, first.done().size(), "four arms and the bootstrap: " + first.failed());
            SweepReport again = exp.run(store, false);
            assertEquals(0, again.ran().size());
            assertEquals(5, again.skipped().size());

            Map<String, RunRecord> byMethod = first.done().stream()
                    .collect(Collectors.toMap(r -> r.config().method(), r -> r));
            // the soft-prompt layout with the human prompt's embeddings = the prompt written out as text
            double textExact = TuningModelCheck.check(lm, TuningTasks.named("toy-nli", 0)).promptExactMatch();
            assertEquals(textExact, byMethod.get(PTuningExperiment.HARD).metrics().get("exact_match"), 1e-12);
            assertEquals(1.0, byMethod.get(PTuningExperiment.HARD).metrics().get("fraction_still_init"), 1e-12);
            assertEquals(1, byMethod.get(PTuningExperiment.ORIGINAL).series().get("dev_token_accuracy").size(),
                    "one epoch: dev is evaluated at its start only (the reference's loop)");

            double[] tuned = column(dir.resolve("ptuning/scores/toy-nli-new-template-s1.txt"));
            double[] original = column(dir.resolve("ptuning/scores/toy-nli-original-s1.txt"));
            assertEquals(200, tuned.length);
            Map<String, Double> boot = byMethod.get(PTuningExperiment.BOOTSTRAP).metrics();
            assertEquals(mean(tuned), boot.get("mean_new_template"), 1e-12);
            assertEquals(mean(original), boot.get("mean_original"), 1e-12);
            assertEquals(byMethod.get(PTuningExperiment.NEW_TEMPLATE).metrics().get("exact_match"), mean(tuned), 1e-12);
            assertEquals(60.0, boot.get("sample_size"), "floor(0.3 * 200) ids per resample");

            // before tuning, the template-initialised prompt reads back as the human prompt's own tokens
            JsonNode readout = new ObjectMapper().readTree(dir.resolve("ptuning/readouts/toy-nli-new-template-s1.json").toFile());
            for (JsonNode slot : readout.get("before")) {
                assertEquals(slot.get("init_id").asLong(), slot.get("l2").get(0).get("id").asLong());
            }
            assertEquals(6, readout.get("after").size());
            assertTrue(Files.isDirectory(dir.resolve("runs/toy-nli-original-s1")), "run folders go to the work dir");
        }
    }

    private static double[] column(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble).toArray();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
