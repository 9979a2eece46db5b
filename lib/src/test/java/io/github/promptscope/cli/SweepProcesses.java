package io.github.promptscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.results.Json;
import io.github.promptscope.results.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code promptscope sweep} in separate JVMs (this test run's classpath, one PyTorch thread each) on the
 * tiny fixture checkpoint, one suffix search step per run, and checks of the folder they leave.
 */
final class SweepProcesses {

    static final String EXPERIMENT = "procs";
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) runs done, (\\d+) skipped \\(already recorded\\), (\\d+) failed");

    private SweepProcesses() {}

    /** A sweep of {@code seeds} seeds x 2 tasks x suffix into {@code results}, its output in {@code log}. */
    static Process start(Path results, int seeds, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sweep", "--tasks", "add_two,max_two", "--methods", "suffix", "--seeds", seedList(seeds),
                "--steps", "1", "--n", "12", "--model", SweepDryRunTest.fixture().toString(),
                "--experiment", EXPERIMENT, "--results", results.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String seedList(int n) {
        StringBuilder b = new StringBuilder();
        for (int s = 1; s <= n; s++) {
            b.append(s == 1 ? "" : ",").append(s);
        }
        return b.toString();
    }

    /** Runs done and skipped as the sweep's summary line states them. */
    record Summary(int done, int skipped, int failed) {}

    static Summary summary(Path log) throws IOException {
        Matcher m = SUMMARY.matcher(Files.readString(log));
        assertTrue(m.find(), "no summary line in the sweep's output:\n" + Files.readString(log));
        return new Summary(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /**
     * Asserts the experiment folder holds exactly one done, readable record per configuration of a
     * {@code seeds}-seed sweep, each under its own id, and no temporary file or claim left behind.
     */
    static void assertCompleteAndClean(Path results, int seeds) throws IOException {
        Path dir = results.resolve(EXPERIMENT);
        Set<String> configs = new HashSet<>();
        int records = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                RunRecord r = Json.MAPPER.readValue(p.toFile(), RunRecord.class);
                records++;
                assertTrue(r.isDone(), p + " is " + r.status());
                assertEquals(r.id() + ".json", p.getFileName().toString());
                assertTrue(configs.add(r.config().dataset() + "/" + r.config().method() + "/" + r.config().seed()),
                        "configuration recorded twice: " + p);
            }
        }
        assertEquals(2 * seeds, records);
        for (String task : List.of("add_two", "max_two")) {
            for (int seed = 1; seed <= seeds; seed++) {
                assertTrue(configs.contains(task + "/suffix/" + seed), task + " seed " + seed + " has no record");
            }
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().endsWith(".lock")).toList();
            assertEquals(List.of(), left, "temporary files or claims left behind");
        }
    }
}
