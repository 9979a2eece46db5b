package io.github.promptscope.ptuning;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a training run stands between epochs (saved with the weights so a restart continues exactly):
 * the next epoch, early stopping's best dev accuracy and patience, the best epoch's test metrics, the log.
 *
 * @param nextEpoch the epoch whose dev evaluation comes next
 * @param bestDev best dev token accuracy so far (-1 before the first evaluation)
 * @param misses dev evaluations since the last best
 * @param bestEpoch the epoch of the kept checkpoint (-1: none yet)
 * @param bestTest test metrics of the kept checkpoint
 * @param log one entry per dev evaluation
 * @param finished whether the run has ended (epochs used up or early stopping)
 */
public record TrainingProgress(int nextEpoch, double bestDev, int misses, int bestEpoch, Map<String, Double> bestTest,
        List<EpochLog> log, boolean finished) {

    /** NaN (an epoch not trained) is written as the string "NaN" so the files stay standard JSON. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public TrainingProgress {
        bestTest = new LinkedHashMap<>(bestTest);
        log = List.copyOf(log);
    }

    static TrainingProgress start() {
        return new TrainingProgress(0, -1, 0, -1, Map.of(), List.of(), false);
    }

    TrainingProgress logged(EpochLog entry) {
        List<EpochLog> more = new ArrayList<>(log);
        more.add(entry);
        return new TrainingProgress(nextEpoch, bestDev, misses, bestEpoch, bestTest, more, finished);
    }
}
