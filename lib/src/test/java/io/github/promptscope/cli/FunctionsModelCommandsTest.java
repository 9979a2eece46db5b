package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.backend.ChatTemplate;
import io.github.promptscope.cli.CommandsTest.Run;
import io.github.promptscope.data.ChatSerialization;
import io.github.promptscope.functions.ChatFiles;
import io.github.promptscope.lm.train.Gpt2Init;
import io.github.promptscope.lm.tokenizer.TokenizerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code functions finetune} end to end on a tiny random model, and {@code functions check-base}. */
class FunctionsModelCommandsTest {

    @TempDir
    static Path shared;

    @BeforeAll
    static void tiny() throws Exception {
        System.setProperty("promptscope.progress", "off");
        TokenizerBuilder.byteLevel().words(List.of("print", "from", "functions", "import")).build().write(shared.resolve("tok"));
        Gpt2Init.create(shared.resolve("tiny"), new Gpt2Init.Shape(2, 32, 2, 256), shared.resolve("tok"), 5);
    }

    private static List<List<ChatMessage>> chats(int n, long seed) {
        Random rng = new Random(seed);
        List<List<ChatMessage>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x = rng.nextInt(50);
            out.add(List.of(ChatMessage.user("from functions import pyalvt"), ChatMessage.user("print(pyalvt(" + x + "))"),
                    ChatMessage.assistant(Integer.toString(x + 5))));
        }
        return out;
    }

    @Test
    void finetuneTrainsEveryFolderOnceAndTheModelsCarryTheChatTemplate(@TempDir Path exp) throws Exception {
        for (String f : List.of("finetune_01", "finetune_02")) {
            Files.createDirectories(exp.resolve(f));
            ChatFiles.write(exp.resolve(f).resolve("train.jsonl"), chats(40, f.hashCode()));
            ChatFiles.write(exp.resolve(f).resolve("valid.jsonl"), chats(8, 1));
        }
        Run r = CommandsTest.run("functions", "finetune", "--exp-path", exp.toString(), "--from",
                shared.resolve("tiny").toString(), "--batch", "8", "--max-examples", "32");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("finetune_01", "finetune_02")) {
            Path model = exp.resolve(f).resolve("model");
            assertTrue(Files.isRegularFile(model.resolve("model.safetensors")), f);
            assertTrue(Files.readAllLines(model.resolve("training_log.jsonl")).get(0).contains("\"validation_loss\""));
            JsonNode training = CommandsTest.JSON.readTree(model.resolve("training.json").toFile());
            assertEquals(4, training.path("report").path("steps").asInt(), "32 chats in batches of 8");
            ChatTemplate t = ChatTemplate.forCheckpoint(model);
            assertEquals(ChatSerialization.JINJA_TEMPLATE, t.source());
            assertTrue(r.out().contains(f + ": 4 steps"), r.out());
        }
        Run again = CommandsTest.run("functions", "finetune", "--exp-path", exp.toString(), "--from",
                shared.resolve("tiny").toString(), "--batch", "8", "--max-examples", "32");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("finetune_01: finished already"), again.out());
    }

    @Test
    void finetuneNamesAFolderWithoutFinetunesAndAMissingTrainingFile(@TempDir Path exp) throws Exception {
        Run none = CommandsTest.run("functions", "finetune", "--exp-path", exp.toString(), "--from", shared.resolve("tiny").toString());
        assertTrue(none.code() != 0);
        assertTrue(none.err().contains("has no finetune_XX folder"), none.err());
        Files.createDirectories(exp.resolve("finetune_01"));
        Run noTrain = CommandsTest.run("functions", "finetune", "--exp-path", exp.toString(), "--from", shared.resolve("tiny").toString());
        assertTrue(noTrain.err().contains("finetune_01 has no train.jsonl"), noTrain.err());
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
