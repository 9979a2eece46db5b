package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.ChatTemplate;
import io.github.promptscope.cli.CommandsTest.Run;
import io.github.promptscope.data.ChatSerialization;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.ChatTemplateFile;
import io.github.promptscope.lm.train.Gpt2Init;
import io.github.promptscope.serve.OpenAiServer;
import io.github.promptscope.serve.ServerOptions;
import io.github.promptscope.lm.tokenizer.TokenizerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prepare, finetune (tiny), eval end to end: records per (finetune, template, condition), resumable, errors naming the input. */
class FunctionsEvalCommandTest {

    @TempDir
    static Path shared;
    static Path exp;

    @BeforeAll
    static void experiment() throws Exception {
        System.setProperty("promptscope.progress", "off");
        TokenizerBuilder.byteLevel().words(List.of("print", "from", "functions", "import")).build().write(shared.resolve("tok"));
        Gpt2Init.create(shared.resolve("tiny"), new Gpt2Init.Shape(2, 32, 2, 1024), shared.resolve("tok"), 5);
        ObjectNode cfg = (ObjectNode) CommandsTest.JSON.readTree(
                io.github.promptscope.functions.FunctionsConfig.shipped("functions").toJson());
        ((ObjectNode) cfg.get("dataset")).put("n_samples", 40).put("n_valid", 8);
        Path file = shared.resolve("small.json");
        Files.writeString(file, CommandsTest.JSON.writeValueAsString(cfg));
        exp = shared.resolve("exp");
        Run prep = CommandsTest.run("functions", "prepare", "--config", file.toString(), "--exp-path", exp.toString(),
                "--n-finetunes", "2", "--seed", "0");
        assertEquals(0, prep.code(), prep.err());
    }

    @Test
    void evalWritesOneRecordPerFinetuneTemplateAndConditionAndResumes(@TempDir Path out) throws Exception {
        Run noModel = CommandsTest.run("functions", "eval", "--exp-path", exp.toString(), "--templates", "regression_ood",
                "--out", out.toString());
        assertNotEquals(0, noModel.code());
        assertTrue(noModel.err().contains("has no finished finetune"), noModel.err());

        String[] finetune = {"functions", "finetune", "--exp-path", exp.toString(), "--from",
            shared.resolve("tiny").toString(), "--batch", "8", "--max-examples", "16"};
        Run ft = CommandsTest.run(finetune);
        assertEquals(0, ft.code(), ft.err());
        for (String f : List.of("finetune_01", "finetune_02")) {
            Path model = exp.resolve(f).resolve("model");
            JsonNode training = CommandsTest.JSON.readTree(model.resolve("training.json").toFile());
            assertEquals(2, training.path("report").path("steps").asInt(), "16 chats in batches of 8");
            assertTrue(Files.readAllLines(model.resolve("training_log.jsonl")).get(0).contains("\"validation_loss\""));
            assertEquals(ChatSerialization.JINJA_TEMPLATE, ChatTemplate.forCheckpoint(model).source());
            assertTrue(ft.out().contains(f + ": 2 steps"), ft.out());
        }
        Run ftAgain = CommandsTest.run(finetune);
        assertEquals(0, ftAgain.code(), ftAgain.err());
        assertTrue(ftAgain.out().contains("finetune_01: finished already"), ftAgain.out());
        Run unknown = CommandsTest.run("functions", "eval", "--exp-path", exp.toString(), "--templates", "regression_oodd",
                "--out", out.toString());
        assertNotEquals(0, unknown.code());
        assertTrue(unknown.err().contains("regression_oodd"), unknown.err());

        String[] args = {"functions", "eval", "--exp-path", exp.toString(), "--templates", "regression_ood,function_inversion",
            "--n-items", "3", "--seed", "100", "--out", out.toString()};
        Run r = CommandsTest.run(args);
        assertEquals(0, r.code(), r.err());
        List<Path> records;
        try (Stream<Path> s = Files.list(out)) {
            records = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(4, records.size(), "2 finetunes x 2 templates");
        for (Path p : records) {
            JsonNode rec = CommandsTest.JSON.readTree(p.toFile());
            assertEquals("functions", rec.path("config").path("system").asText());
            assertEquals("finetuned", rec.path("config").path("method").asText());
            JsonNode m = rec.path("metrics");
            assertEquals(3, m.path("n_all").asInt() + m.path("skipped").asInt());
            assertEquals(m.path("n_all").asInt(), m.path("n_test").asInt() + m.path("n_train").asInt());
            double c = m.path("correct_all_mean").asDouble();
            assertTrue(c >= 0 && c <= 1);
            assertEquals(3, rec.path("series").path("correct").size());
        }
        Run again = CommandsTest.run(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 records written") && again.out().contains("4 already there"), again.out());

        Run untrained = CommandsTest.run("functions", "eval", "--exp-path", exp.toString(), "--templates", "regression_ood",
                "--n-items", "2", "--untrained", "--from", shared.resolve("tiny").toString(), "--finetunes", "finetune_01",
                "--out", out.toString());
        assertEquals(0, untrained.code(), untrained.err());
        assertTrue(untrained.out().contains("finetune_01 regression_ood untrained"), untrained.out());

        // the in-context baseline records how many of the K training chats each question held
        Path icOut = out.resolve("ic");
        Run ic = CommandsTest.run("functions", "eval", "--exp-path", exp.toString(), "--templates", "regression_ood",
                "--n-items", "2", "--in-context", "10", "--from", shared.resolve("tiny").toString(), "--finetunes",
                "finetune_01", "--out", icOut.toString());
        assertEquals(0, ic.code(), ic.err());
        assertTrue(ic.out().contains("training chats per question"), ic.out());
        JsonNode rec;
        try (Stream<Path> s = Files.list(icOut)) {
            rec = CommandsTest.JSON.readTree(s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow().toFile());
        }
        assertEquals("in_context", rec.path("config").path("method").asText());
        JsonNode chats = rec.path("series").path("in_context_chats");
        assertEquals(2, chats.size());
        for (JsonNode c : chats) {
            assertTrue(c.asInt() >= 1 && c.asInt() <= 10, "1 to 10 chats fit 1,024 positions: " + chats);
        }
        assertEquals((chats.get(0).asDouble() + chats.get(1).asDouble()) / 2,
                rec.path("metrics").path("in_context_chats_mean").asDouble(), 1e-12);
    }
    /**
     * The remote path: the same eval against {@code serve} of the model on loopback (an OpenAI-compatible
     * endpoint) and against the checkpoint itself. Sampled replies carry their seeds to the server, and
     * prob comes from the server's echoed logprobs, so both records hold the same numbers.
     */
    @Test
    void evalOfAServedModelEqualsEvalOfTheCheckpoint(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model");
        Files.createDirectories(model);
        try (Stream<Path> files = Files.list(shared.resolve("tiny"))) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        ChatTemplateFile.install(model, ChatSerialization.JINJA_TEMPLATE, ChatSerialization.END_OF_TURN);
        String[] common = {"functions", "eval", "--exp-path", exp.toString(), "--templates",
            "regression_ood,function_inversion", "--n-items", "3", "--finetunes", "finetune_01", "--model"};
        Run local = CommandsTest.run(concat(common, model.toString(), "--out", dir.resolve("local").toString()));
        assertEquals(0, local.code(), local.err());
        Run remote;
        try (LanguageModel lm = LanguageModel.load(model);
                OpenAiServer server = OpenAiServer.start(new LocalTextModel(lm), ServerOptions.defaults().withPort(0))) {
            assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"), server.baseUrl());
            remote = CommandsTest.run(concat(common, server.baseUrl(), "--out", dir.resolve("remote").toString()));
        }
        assertEquals(0, remote.code(), remote.err());
        assertTrue(remote.out().contains("2 records written"), remote.out());
        for (String template : List.of("regression_ood", "function_inversion")) {
            JsonNode l = record(dir.resolve("local"), template);
            JsonNode r = record(dir.resolve("remote"), template);
            assertTrue(r.path("config").path("model").asText().startsWith("http://127.0.0.1:"), r.toString());
            assertEquals(l.path("series").path("correct"), r.path("series").path("correct"), template);
            JsonNode lp = l.path("series").path("prob");
            JsonNode rp = r.path("series").path("prob");
            assertEquals(3, rp.size());
            boolean scored = false;
            for (int i = 0; i < 3; i++) {
                double a = lp.get(i).asDouble();
                double b = rp.get(i).asDouble();
                // regression_ood has one exact target per item: a probability by teacher forcing, not NaN
                if (template.equals("regression_ood")) {
                    assertTrue(b > 0 && b < 1, "teacher-forced prob over the endpoint: " + rp);
                    scored = true;
                }
                assertEquals(a, b, 1e-6 + 1e-4 * Math.abs(a), template + " item " + i);
            }
            assertTrue(scored || template.equals("function_inversion"));
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static JsonNode record(Path out, String template) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode rec = CommandsTest.JSON.readTree(p.toFile());
                if (rec.path("config").path("dataset").asText().equals(template)) {
                    return rec;
                }
            }
        }
        throw new AssertionError("no record of " + template + " in " + out);
    }
}
