package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.data.ChatSerialization.Turn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonChatCorpusTest {

    private static final List<String> CATALOGUE_BODIES = List.of("n + 5", "n + 14", "n - 1", "n - 11", "n * 3", "n * 4",
            "-n", "n", "n % 2", "n % 3", "n // 2", "n // 3", "n // 4", "n >= 3", "n % 2 == 0", "n * 7 / 4", "n * 3 / 2",
            "3 * n + 2", "-5 * n + 3", "max(n, -2)");

    @Test
    void poolLeavesOutEveryCatalogueFunction() {
        for (InContextFunction f : InContextFunction.pool()) {
            assertFalse(CATALOGUE_BODIES.contains(f.expression()), f.expression());
        }
        assertEquals(93, InContextFunction.pool().size());
    }

    @Test
    void sameSeedSameDocumentsAndEachIsAChatWithoutItsLastMarker() {
        TrainingCorpus.Documents a = new PythonChatCorpus(300, 4).build();
        TrainingCorpus.Documents b = new PythonChatCorpus(300, 4).build();
        assertEquals(a, b);
        assertEquals(300, a.train().size());
        assertEquals(200, a.validation().size());
        for (String d : a.train()) {
            assertTrue(d.startsWith("<|system|>\n") || d.startsWith("<|user|>\n"), d);
            assertFalse(d.endsWith(ChatSerialization.END_OF_TURN), d);
            assertTrue(d.contains("\n<|assistant|>\n"), d);
        }
    }

    /** Every interpreter chat's code, run by Python with its definitions, prints the assistant's answer. */
    @Test
    void interpreterAnswersAreWhatPythonPrints(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(python() != null, "python3 is not installed");
        PythonChatCorpus corpus = new PythonChatCorpus(0, 0);
        Random rng = new Random(11);
        List<Map<String, String>> cases = new ArrayList<>();
        int questions = 0;
        while (cases.size() < 3000) {
            List<Turn> chat = corpus.chat(rng);
            List<Turn> user = chat.stream().filter(t -> t.role().equals("user")).toList();
            String code = String.join("\n\n", user.stream().map(Turn::content).toList());
            String answer = chat.get(chat.size() - 1).content();
            if (code.contains("Please")) {
                questions++;
                continue;
            }
            cases.add(Map.of("code", code, "answer", answer));
        }
        assertTrue(questions > 1000);
        Path in = tmp.resolve("cases.json");
        Files.writeString(in, new ObjectMapper().writeValueAsString(cases));
        String script = String.join("\n",
                "import json, io, sys, contextlib",
                "cases = json.load(open(sys.argv[1]))",
                "bad = 0",
                "for c in cases:",
                "    buf = io.StringIO()",
                "    with contextlib.redirect_stdout(buf):",
                "        exec(c['code'], {})",
                "    if buf.getvalue() != c['answer'] + '\\n':",
                "        bad += 1",
                "        print('MISMATCH', repr(c['code']), repr(buf.getvalue()), repr(c['answer']), file=sys.stderr)",
                "print(len(cases), bad)");
        Path py = tmp.resolve("check.py");
        Files.writeString(py, script);
        Process p = new ProcessBuilder(python(), py.toString(), in.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals("3000 0", out.substring(out.lastIndexOf('\n') + 1), out);
    }

    static String python() {
        for (String candidate : List.of("python3", "python")) {
            try {
                Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (java.io.IOException | InterruptedException e) {
                // try the next name
            }
        }
        return null;
    }
}
