package io.github.promptscope.cli;

import static io.github.promptscope.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.cli.CommandsTest.Run;
import io.github.promptscope.results.Json;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.SweepPlan;
import io.github.promptscope.results.cluster.Slurm;
import io.github.promptscope.results.cluster.SlurmCli;
import io.github.promptscope.results.cluster.Submission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on a real one-node SLURM cluster ({@code environment/slurm-local}, started here if it is not
 * running; skipped only when not root or when apt-get cannot install SLURM). Array tasks run
 * {@code ./promptscope} of this checkout with one CPU each, at most two at once.
 */
class SlurmSweepTest {

    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static boolean startedHere;

    @BeforeAll
    static void cluster() throws Exception {
        System.setProperty("promptscope.progress", "off");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "SLURM tests skipped: environment/slurm-local runs the daemons as root, and this is not root");
        if (sh("environment/slurm-local", "status").code != 0) {
            Sh start = sh("environment/slurm-local", "start");
            Assumptions.assumeTrue(start.code != 3, "SLURM tests skipped: " + start.out.strip());
            assertEquals(0, start.code, "environment/slurm-local start failed:\n" + start.out);
            startedHere = true;
        }
        Sh jar = sh("./promptscope", "--version"); // builds target/promptscope.jar when stale, before tasks race for it
        assertEquals(0, jar.code, jar.out);
    }

    @AfterAll
    static void stopIfStartedHere() throws Exception {
        if (startedHere) {
            sh("environment/slurm-local", "stop");
        }
    }

    private static String[] sweepArgs(Path results, String experiment, String tasks, String methods, String seeds,
                                      String... more) throws Exception {
        List<String> a = new ArrayList<>(List.of("sweep", "--tasks", tasks, "--methods", methods, "--seeds", seeds,
                "--steps", "1", "--n", "12", "--model", SweepDryRunTest.fixture().toString(), "--experiment", experiment,
                "--results", results.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static final String[] SLURM = {"--slurm", "--cpus-per-task", "1", "--max-parallel", "2", "--mem", "2G",
            "--time", "00:15:00"};

    @Test
    void aSweepOnSlurmGivesTheRecordsOfTheSameSweepRunLocally(@TempDir Path dir) throws Exception {
        String[] submit = concat(sweepArgs(dir.resolve("slurm"), "e", "add_two,double_one", "suffix,iprompt", "1,2"), SLURM);
        Run r = run(submit);
        assertEquals(0, r.code(), r.err());
        long job = jobId(r.out());
        assertTrue(r.out().contains("8 array tasks, 8 of the sweep's 8 configurations"), r.out());
        Instant t0 = Instant.now();
        awaitGone(job);
        System.out.printf("SlurmSweepTest: 8 configurations as job %d in %d s%n", job, Duration.between(t0, Instant.now()).toSeconds());
        Map<String, JsonNode> onSlurm = records(dir.resolve("slurm").resolve("e"));
        assertEquals(8, onSlurm.size(), "every configuration recorded");

        // the same sweep, run here by the same launcher with the same thread count
        Sh local = sh(Map.of("PROMPTSCOPE_JAVA_OPTS", "-Xmx1g -Dai.djl.pytorch.num_threads=1"), "./promptscope",
                sweepArgs(dir.resolve("local"), "e", "add_two,double_one", "suffix,iprompt", "1,2"));
        assertEquals(0, local.code, local.out);
        Map<String, JsonNode> here = records(dir.resolve("local").resolve("e"));
        assertEquals(here.keySet(), onSlurm.keySet(), "the same configuration ids");
        for (String id : here.keySet()) {
            JsonNode a = here.get(id);
            JsonNode b = onSlurm.get(id);
            assertEquals("done", b.path("status").asText(), id);
            assertEquals(a.path("config"), b.path("config"), id);
            assertEquals(a.path("prompts"), b.path("prompts"), id + ": ranked prompts with their scores");
            assertTrue(b.path("prompts").size() > 0, id);
            ObjectNode ma = a.path("metrics").deepCopy();
            ObjectNode mb = b.path("metrics").deepCopy();
            ma.remove("search_seconds");
            mb.remove("search_seconds");
            assertEquals(ma, mb, id + ": metrics but timings");
        }
        assertTrue(Files.readString(logOf(dir.resolve("slurm").resolve("e"), 0)).contains(": done -> "));
    }

    @Test
    void aCancelledSweepResumesWithoutLosingOrDuplicatingRecords(@TempDir Path dir) throws Exception {
        String[] args = sweepArgs(dir, "c", "add_two,double_one", "suffix", "1,2,3");
        Run first = run(concat(args, SLURM));
        assertEquals(0, first.code(), first.err());
        long job = jobId(first.out());
        Path exp = dir.resolve("c");
        Instant deadline = Instant.now().plus(WAIT);
        while (records(exp).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        SlurmCli.scancel(List.of(job));
        awaitGone(job);
        int before = records(exp).size();
        assertTrue(before >= 1 && before < 6, "cancelled part-way: " + before + " of 6 recorded");

        Run status = run("sweep", "status", "--results", dir.toString(), "--experiment", "c");
        assertTrue(status.out().contains(before + " done, 0 running, 0 pending, 0 failed, " + (6 - before) + " missing"),
                status.out());

        Run resume = run(concat(args, SLURM, new String[] {"--resume"}));
        assertEquals(0, resume.code(), resume.err());
        assertTrue(resume.out().contains((6 - before) + " of the sweep's 6 configurations"), resume.out());
        awaitGone(jobId(resume.out()));

        Map<String, JsonNode> recs = records(exp);
        assertEquals(6, recs.size(), "none lost");
        SweepPlan plan = SweepPlan.read(manifest(resume.out()));
        assertEquals(plan.configs().stream().map(RunConfig::id).sorted().toList(), List.copyOf(recs.keySet()),
                "exactly the manifest's configurations, each once");
        for (JsonNode n : recs.values()) {
            RunRecord rec = Json.MAPPER.treeToValue(n, RunRecord.class); // valid: parses, id matches its config
            assertTrue(rec.isDone(), rec.id());
        }
        try (Stream<Path> s = Files.list(exp.resolve(".claims"))) {
            assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".lock")).toList(), "no claim left");
        }
        Run done = run("sweep", "status", "--manifest", plan.folder().resolve("manifest.json").toString());
        assertEquals(0, done.code(), done.out());
        assertTrue(done.out().contains("6 done, 0 running, 0 pending, 0 failed, 0 missing"), done.out());
        Run again = run(concat(args, SLURM, new String[] {"--resume"}));
        assertTrue(again.out().startsWith("nothing to submit"), again.out());
    }

    @Test
    void aFailingConfigurationIsRecordedAsFailedAndTheOthersFinish(@TempDir Path dir) throws Exception {
        Run dry = run(concat(sweepArgs(dir, "f", "add_two", "suffix", "1,2"), SLURM, new String[] {"--dry-run"}));
        assertEquals(0, dry.code(), dry.err());
        Matcher m = Pattern.compile("--manifest (\\S+)").matcher(dry.out());
        assertTrue(m.find(), dry.out());
        SweepPlan good = SweepPlan.read(Path.of(m.group(1)));
        RunConfig ok = good.configs().get(0);
        RunConfig bad = new RunConfig(ok.system(), ok.method(), "no_such_task", ok.seed(), ok.model(), ok.weightsSha256(),
                ok.params());
        SweepPlan plan = new SweepPlan(good.kind(), good.settings(), good.results(), good.experiment(),
                List.of(ok, bad, good.configs().get(1)));
        // chunks of 2: task 0 runs the good and the bad configuration, task 1 the other good one
        Submission s = Slurm.cluster().cpusPerTask(1).maxParallel(2).mem("2G").time("00:15:00").chunk(2)
                .submit(plan, false, false);
        assertEquals(List.of(0, 1), s.tasks());
        awaitGone(s.jobId());

        RunRecord failed = plan.store().read(bad.id()).orElseThrow();
        assertEquals(RunRecord.FAILED, failed.status());
        assertTrue(failed.error().message().contains("no_such_task"), failed.error().message());
        assertTrue(plan.store().isDone(ok.id()), "the good configuration of the same array task finished");
        assertTrue(plan.store().isDone(good.configs().get(1).id()));

        Run status = run("sweep", "status", "--manifest", plan.folder().resolve("manifest.json").toString());
        assertEquals(1, status.code(), "a failed configuration makes status exit 1");
        assertTrue(status.out().contains("2 done, 0 running, 0 pending, 1 failed, 0 missing"), status.out());
        String row = status.out().lines().filter(l -> l.contains(bad.id())).findFirst().orElseThrow();
        assertTrue(row.matches("1\\s+" + bad.id() + "\\s+failed\\s+" + s.jobId() + "_0\\s+no_such_task\\s+suffix\\s+1\\s+\\S+: .*no_such_task.*"),
                row);
        assertTrue(Files.readString(logOf(plan.store().dir(), 0)).contains("FAILED"));
    }

    // --- helpers

    private static long jobId(String out) {
        Matcher m = Pattern.compile("^Submitted batch job (\\d+)$", Pattern.MULTILINE).matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    private static Path manifest(String out) {
        Matcher m = Pattern.compile("^manifest: (.*)$", Pattern.MULTILINE).matcher(out);
        assertTrue(m.find(), out);
        return Path.of(m.group(1));
    }

    private static void awaitGone(long job) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!SlurmCli.squeue(List.of(job)).isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "job " + job + " still queued after " + WAIT);
            Thread.sleep(1000);
        }
    }

    /** Records by id (file name), read as JSON. */
    private static Map<String, JsonNode> records(Path exp) throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        if (!Files.isDirectory(exp)) {
            return out;
        }
        try (Stream<Path> s = Files.list(exp)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{16}\\.json")).toList()) {
                JsonNode n = Json.MAPPER.readTree(p.toFile());
                assertEquals(p.getFileName().toString(), n.path("id").asText() + ".json");
                out.put(n.path("id").asText(), n);
            }
        }
        return out;
    }

    private static Path logOf(Path exp, int task) throws IOException {
        try (Stream<Path> s = Files.list(exp.resolve("slurm"))) {
            Path folder = s.findFirst().orElseThrow();
            Path log = folder.resolve("logs").resolve("task-" + task + ".log");
            assertTrue(Files.isRegularFile(log), log.toString());
            return log;
        }
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    private record Sh(int code, String out) {}

    private static Sh sh(String... cmd) throws Exception {
        return sh(Map.of(), cmd[0], java.util.Arrays.copyOfRange(cmd, 1, cmd.length));
    }

    private static Sh sh(Map<String, String> env, String exe, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(exe));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.MINUTES));
        return new Sh(p.exitValue(), out);
    }
}
