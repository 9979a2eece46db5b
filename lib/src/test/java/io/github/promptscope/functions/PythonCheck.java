package io.github.promptscope.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs environment/check_functions.py; skips the calling test when no python3 is installed. */
final class PythonCheck {

    static final Path SCRIPT = Path.of("environment/check_functions.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonCheck() {}

    static void assumePython() {
        boolean present;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        Assumptions.assumeTrue(present, "python3 not installed: the Python exactness check is skipped");
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toAbsolutePath() + " missing (tests run from the checkout root)");
    }

    /** The catalogue as key -> python source, the form the script reads. */
    static Map<String, String> catalogue() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : FunctionCatalogue.keys()) {
            m.put(k, FunctionCatalogue.get(k).pythonDefinition());
        }
        return m;
    }

    /** Runs the script with {@code args}; returns its output, failing the test on a non-zero exit. */
    static String run(Path dir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        command.addAll(args);
        Path log = dir.resolve("check.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "check_functions.py did not finish");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    static void writeJson(Path file, Object value) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(value), StandardCharsets.UTF_8);
    }

    /** The count the script reports ("N checks, all equal"). */
    static int checks(String output) {
        String line = output.strip();
        return Integer.parseInt(line.substring(0, line.indexOf(' ')));
    }
}
