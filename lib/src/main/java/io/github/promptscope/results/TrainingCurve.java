package io.github.promptscope.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A trainer's {@code training_log.jsonl} as a table: step, loss (nats per token), split (train or validation). */
public final class TrainingCurve {

    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation (held-out examples)";

    private TrainingCurve() {}

    public static Table of(Path log) throws IOException {
        IntColumn step = IntColumn.create("step");
        DoubleColumn loss = DoubleColumn.create("loss");
        StringColumn split = StringColumn.create("split");
        for (String line : Files.readAllLines(log)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode e = Json.MAPPER.readTree(line);
            step.append(e.path("step").asInt());
            loss.append(e.path("loss").asDouble());
            split.append(TRAIN);
            if (e.has("validation_loss")) {
                step.append(e.path("step").asInt());
                loss.append(e.path("validation_loss").asDouble());
                split.append(VALIDATION);
            }
        }
        return Table.create("curve", step, loss, split);
    }
}
