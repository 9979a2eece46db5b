package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.cli.CommandsTest.Run;
import io.github.promptscope.lm.train.Gpt2Init;
import io.github.promptscope.lm.tokenizer.TokenizerBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code functions check-base} on a tiny random model ({@code finetune} and {@code eval}: FunctionsEvalCommandTest). */
class FunctionsModelCommandsTest {

    @TempDir
    static Path shared;

    @BeforeAll
    static void tiny() throws Exception {
        System.setProperty("promptscope.progress", "off");
        TokenizerBuilder.byteLevel().words(List.of("print", "from", "functions", "import")).build().write(shared.resolve("tok"));
        Gpt2Init.create(shared.resolve("tiny"), new Gpt2Init.Shape(2, 32, 2, 256), shared.resolve("tok"), 5);
    }

    @Test
    void checkBaseWritesASummaryPerQuestionStyle(@TempDir Path out) throws Exception {
        Path file = out.resolve("base.json");
        Run r = CommandsTest.run("functions", "check-base", "--model", shared.resolve("tiny").toString(), "--chats", "12",
                "--out", file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = CommandsTest.JSON.readTree(file.toFile());
        int asked = root.path("by_kind").path("all").path("n").asInt();
        assertEquals(12, asked + root.path("skipped").asInt());
        assertTrue(asked >= 6, "most held-out chats fit the context: " + asked);
        int sum = 0;
        for (var it = root.path("by_kind").fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().equals("all")) {
                sum += e.getValue().path("n").asInt();
            }
            double c = e.getValue().path("correct_mean").asDouble();
            assertTrue(c >= 0 && c <= 1, e.getKey() + " " + c);
        }
        assertEquals(asked, sum);
    }
}
