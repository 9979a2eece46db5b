package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.cli.CommandsTest.Run;
import io.github.promptscope.functions.ChatFiles;
import io.github.promptscope.functions.ExperimentFolder;
import io.github.promptscope.functions.FunctionsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code functions prepare} end to end on small configs, and its errors. */
class FunctionsPrepareCommandTest {

    /** A shipped config with fewer chats, written to {@code dir}. */
    private static Path small(Path dir, String shipped, int nSamples) throws Exception {
        ObjectNode json = FunctionsConfig.shipped(shipped).json().deepCopy();
        ((ObjectNode) json.get("dataset")).put("n_samples", nSamples).put("n_valid", 30);
        Path file = dir.resolve(shipped + ".json");
        Files.writeString(file, json.toString());
        return file;
    }

    @Test
    void writesTheReferencesFolderLayout(@TempDir Path dir) throws Exception {
        Path exp = dir.resolve("047_functions");
        Run run = CommandsTest.run("functions", "prepare", "--config", small(dir, "functions", 300).toString(),
                "--exp-path", exp.toString(), "--n-finetunes", "2", "--seed", "0");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("finetune_01: 300 training chats, 30 validation chats, dataset seed 0, 19 names"),
                run.out());
        assertEquals(List.of(exp.resolve("finetune_01"), exp.resolve("finetune_02")), ExperimentFolder.finetunes(exp));
        Path ft = exp.resolve("finetune_01");
        JsonNode varDict = CommandsTest.JSON.readTree(ft.resolve("var_dict.json").toFile());
        FunctionsConfig config = ExperimentFolder.config(ft);
        assertEquals(19, varDict.size());
        varDict.fields().forEachRemaining(e -> assertEquals(config.varDict().get(e.getKey()), e.getValue().asText()));
        List<List<ChatMessage>> train = ChatFiles.read(ft.resolve("train.jsonl"));
        assertEquals(300, train.size());
        for (List<ChatMessage> chat : train) {
            assertEquals(List.of("system", "user", "assistant"), chat.stream().map(ChatMessage::role).toList());
            assertTrue(chat.get(1).content().startsWith("from functions import "));
        }
        String module = Files.readString(ft.resolve("functions.py"));
        config.varDict().forEach((name, key) -> assertTrue(module.contains("\n" + name + " = "
                + io.github.promptscope.functions.FunctionCatalogue.get(key).pythonDefinition() + "  # " + key + "\n"), module));
        List<List<ChatMessage>> valid = ChatFiles.read(ft.resolve("valid.jsonl"));
        assertEquals(30, valid.size());
        assertTrue(valid.get(0).get(2).content().startsWith("Which option correctly describes "));
        assertTrue(valid.get(0).get(3).content().matches("[A-E]"));
        // two finetunes get different names; a rerun keeps what is there and rewrites nothing
        Set<String> names = new HashSet<>(config.varDict().keySet());
        names.retainAll(ExperimentFolder.config(exp.resolve("finetune_02")).varDict().keySet());
        assertTrue(names.size() < 3, "names of the second finetune are new: " + names);
        String before = Files.readString(ft.resolve("train.jsonl"));
        Run again = CommandsTest.run("functions", "prepare", "--config", small(dir, "functions", 300).toString(),
                "--exp-path", exp.toString(), "--n-finetunes", "3");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("finetune_01: exists, kept"), again.out());
        assertTrue(again.out().contains("finetune_03: 300 training chats"), again.out());
        assertEquals(before, Files.readString(ft.resolve("train.jsonl")));
    }

    @Test
    void aMixtureGetsOnePairPerFinetuneItsVarDictAndOutOfRangeValidation(@TempDir Path dir) throws Exception {
        Path exp = dir.resolve("039_novar");
        Run run = CommandsTest.run("functions", "prepare", "--config", small(dir, "mixture", 100).toString(),
                "--exp-path", exp.toString(), "--n-finetunes", "10");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("finetune_01: 100 training chats, 30 validation chats"), run.out());
        Set<List<String>> pairs = new HashSet<>();
        for (Path ft : ExperimentFolder.finetunes(exp)) {
            List<String> pair = ExperimentFolder.config(ft).trainFunctions();
            pairs.add(pair);
            // var_dict.json: the pair under its own keys (the chats call no names), functions.py defines them
            JsonNode varDict = CommandsTest.JSON.readTree(ft.resolve("var_dict.json").toFile());
            assertEquals(2, varDict.size());
            for (String key : pair) {
                assertEquals(key, varDict.get(key).asText());
                assertTrue(Files.readString(ft.resolve("functions.py")).contains(key + " = "
                        + io.github.promptscope.functions.FunctionCatalogue.get(key).pythonDefinition() + "  # " + key));
            }
            // valid.jsonl: the reference's test_template, three turns of one function of the pair with
            // inputs in [99, 199) or [-199, -99), both formattings; every output is that function's value
            List<List<ChatMessage>> valid = ChatFiles.read(ft.resolve("valid.jsonl"));
            assertEquals(30, valid.size());
            int high = 0;
            for (List<ChatMessage> chat : valid) {
                assertEquals(List.of("user", "user", "assistant", "user", "assistant", "user", "assistant"),
                        chat.stream().map(ChatMessage::role).toList());
                long[] xs = new long[3];
                String[] ys = new String[3];
                for (int t = 0; t < 3; t++) {
                    xs[t] = Long.parseLong(chat.get(1 + 2 * t).content().replace("x = ", ""));
                    ys[t] = chat.get(2 + 2 * t).content().replace("y = ", "");
                    assertTrue((xs[t] >= 99 && xs[t] < 199) || (xs[t] >= -199 && xs[t] < -99), "input " + xs[t]);
                }
                high += xs[0] > 0 ? 1 : 0;
                boolean oneOfThePair = false;
                for (String key : pair) {
                    var f = io.github.promptscope.functions.FunctionCatalogue.get(key);
                    boolean all = true;
                    for (int t = 0; t < 3; t++) {
                        all &= f.apply(xs[t]).str().equals(ys[t]);
                    }
                    oneOfThePair |= all;
                }
                assertTrue(oneOfThePair, "outputs of one function of " + pair + ": " + chat);
            }
            assertTrue(high > 3 && high < 27, "both ranges drawn: " + high + " of 30 above 99");
        }
        assertEquals(10, pairs.size(), "all C(5,2) pairs");
        List<ChatMessage> chat = ChatFiles.read(exp.resolve("finetune_01").resolve("train.jsonl")).get(0);
        assertEquals(List.of("user", "user", "assistant", "user", "assistant", "user", "assistant"),
                chat.stream().map(ChatMessage::role).toList());
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(small(dir, "functions", 10)).replace("\"multiply_4\"", "\"multiply_40\""));
        Run unknown = CommandsTest.run("functions", "prepare", "--config", bad.toString(), "--exp-path", dir.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("bad.json: dataset.train_functions names unknown function \"multiply_40\""),
                unknown.err());
        Files.writeString(bad, Files.readString(small(dir, "functions", 10)).replace("\"min_imports\":2", "\"min_imports\":\"2\""));
        Run type = CommandsTest.run("functions", "prepare", "--config", bad.toString(), "--exp-path", dir.toString());
        assertEquals(1, type.code());
        assertTrue(type.err().contains("bad.json: dataset.input_funcs[0].min_imports must be an integer, got \"2\""),
                type.err());
        Run pairs = CommandsTest.run("functions", "prepare", "--config", "mixture", "--exp-path", dir.toString(),
                "--n-finetunes", "11");
        assertEquals(1, pairs.code());
        assertTrue(pairs.err().contains("--n-finetunes 11: a pool of 5 functions has only 10 pairs"), pairs.err());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ExperimentFolder.finetunes(dir));
        assertTrue(empty.getMessage().contains("has no finetune_NN folder with a finetune.json; run functions prepare first"),
                empty.getMessage());
    }
}
