package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDatasetsTest {

    static Path addTwoFile() {
        try {
            return Path.of(UserDatasetsTest.class.getResource("/user/add_two_imodelsx.jsonl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void imodelsxAddTwoRowsAreUsedVerbatimAndEqualTheTasks() {
        Dataset d = UserDatasets.jsonl(addTwoFile()).trainFraction(1.0).read();
        assertEquals(100, d.size());
        Example e = d.examples().stream().filter(x -> x.input().contains("numbers 0 and 1,")).findFirst().orElseThrow();
        assertEquals("Given the input numbers 0 and 1, the answer is", e.input());
        assertEquals(" 1.\n\n", e.output());
        assertEquals("none", d.template().name());
        // The file was written from the add_two generator; the same seed gives the same split and order.
        Dataset task = Datasets.task("add_two").dataset(3, 100);
        Dataset user = UserDatasets.jsonl(addTwoFile()).seed(3).read();
        assertEquals(task.train(), user.train());
        assertEquals(task.test(), user.test());
        assertEquals(75, user.train().size());
    }

    @Test
    void jsonNumbersKeepTheirWrittenTextAndArraysAreRejected(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("n.jsonl"),
                "{\"input\": \"pi to two places\", \"output\": 3.10}\n{\"input\": 7, \"output\": 1e5}\n");
        Dataset d = UserDatasets.jsonl(f).trainFraction(1.0).read();
        List<String> outs = d.examples().stream().map(Example::output).sorted().toList();
        assertEquals(List.of("1e5", "3.10"), outs);
        assertTrue(d.examples().stream().anyMatch(x -> x.input().equals("7")));
        Path bad = Files.writeString(dir.resolve("bad.jsonl"),
                "{\"input\": \"a\", \"output\": \"b\"}\n{\"input\": \"a\", \"output\": [1, 2]}\n");
        DataException ex = assertThrows(DataException.class, () -> UserDatasets.jsonl(bad).read());
        assertEquals(bad + ":2: field \"output\" must be a string (or a number, kept as written), got ARRAY [1,2]",
                ex.getMessage());
    }

    @Test
    void allEmptyOutputsAreAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("e.jsonl"),
                "{\"input\": \"1 2\", \"output\": \"\"}\n{\"input\": \"3 4\", \"output\": \"\"}\n");
        DataException ex = assertThrows(DataException.class, () -> UserDatasets.jsonl(f).read());
        assertTrue(ex.getMessage().startsWith(f + ": every output is empty (2 records)"), ex.getMessage());
        Path ins = Files.writeString(dir.resolve("in.txt"), "a\nb\nc\n");
        Path outs = Files.writeString(dir.resolve("out.txt"), "\n\n\n");
        ex = assertThrows(DataException.class, () -> UserDatasets.lines(ins, outs).read());
        assertTrue(ex.getMessage().startsWith(outs + ": every output is empty (3 records)"), ex.getMessage());
        // one real output is enough: the strings are used as given, empty ones included
        Path some = Files.writeString(dir.resolve("some.jsonl"),
                "{\"input\": \"1 2\", \"output\": \"\"}\n{\"input\": \"3 4\", \"output\": \" 7\"}\n");
        assertEquals(2, UserDatasets.jsonl(some).trainFraction(1.0).read().size());
    }

    @Test
    void layoutsApplyOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("m.jsonl"), "{\"input\": \"9 7\", \"output\": \" 16 \"}\n");
        Example verbatim = UserDatasets.jsonl(f).read().examples().get(0);
        assertEquals(new Example("9 7", " 16 ", "9 7 16 "), verbatim);
        Example math = UserDatasets.jsonl(f).layout("math").read().examples().get(0);
        assertEquals(new Example("Given the input numbers 9 and 7, the answer is", " 16.\n\n",
                "Given the input numbers 9 and 7, the answer is 16.\n\n"), math);
        Example lang = UserDatasets.jsonl(f).layout("language").read().examples().get(0);
        assertEquals(new Example("Input: 9 7 Answer:", " 16\n\n", "Input: 9 7 Answer: 16\n"), lang);
        Example senti = UserDatasets.jsonl(f).layout("sentiment").read().examples().get(0);
        assertEquals("Input: 9 7  Output:", senti.input());
        assertEquals(" 16\n", senti.output());
        DataException ex = assertThrows(DataException.class, () -> UserDatasets.jsonl(f).layout("math_one").read());
        assertEquals(f + ":1: layout math_one needs 1 number(s) in the input, got 2: \"9 7\"", ex.getMessage());
        ex = assertThrows(DataException.class, () -> UserDatasets.jsonl(f).layout("latex"));
        assertTrue(ex.getMessage().startsWith("unknown layout \"latex\"; known layouts: none, language"), ex.getMessage());
    }

    @Test
    void lineFilesAreReadAsGivenAndMustAlign(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "  two spaces\nb\n");
        Path out = Files.writeString(dir.resolve("out.txt"), " x.\ny\n");
        Dataset d = UserDatasets.lines(in, out).trainFraction(1.0).read();
        assertTrue(d.examples().contains(new Example("  two spaces", " x.", "  two spaces x.")));
        Path shorter = Files.writeString(dir.resolve("short.txt"), "y\n");
        DataException ex = assertThrows(DataException.class, () -> UserDatasets.lines(in, shorter).read());
        assertEquals(in + " has 2 lines but " + shorter + " has 1; inputs and outputs must align line by line",
                ex.getMessage());
    }
}
