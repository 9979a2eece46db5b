package io.github.promptscope.cli;

import static io.github.promptscope.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.cli.CommandsTest.Run;
import io.github.promptscope.results.SweepPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --slurm --dry-run} writes the manifest and prints the job-array script without submitting. */
class SweepDryRunTest {

    static Path fixture() throws Exception {
        return Path.of(SweepDryRunTest.class.getResource("/fixtures/gpt2-lmhead").toURI());
    }

    @BeforeAll
    static void quiet() {
        System.setProperty("promptscope.progress", "off");
    }

    @Test
    void dryRunPrintsTheSbatchScriptAndSubmitsNothing(@TempDir Path results) throws Exception {
        Run r = run("sweep", "--tasks", "add_two,double_one", "--methods", "suffix,iprompt", "--seeds", "1,2",
                "--steps", "1", "--n", "12", "--model", fixture().toString(), "--experiment", "dry", "--results",
                results.toString(), "--slurm", "--partition", "cpu", "--time", "00:20:00", "--mem", "2G",
                "--cpus-per-task", "1", "--max-parallel", "3", "--chunk", "3", "--dry-run");
        assertEquals(0, r.code(), r.err());
        List<String> sbatch = r.out().lines().filter(l -> l.startsWith("#SBATCH ")).toList();
        Matcher out = Pattern.compile("#SBATCH --output=(.*)/logs/task-%a\\.log").matcher(sbatch.get(sbatch.size() - 2));
        assertTrue(out.matches(), sbatch.toString());
        Path folder = Path.of(out.group(1));
        assertEquals(List.of("#SBATCH --job-name=promptscope-dry", "#SBATCH --array=0-2%3", "#SBATCH --ntasks=1",
                "#SBATCH --cpus-per-task=1", "#SBATCH --mem=2G", "#SBATCH --time=00:20:00", "#SBATCH --partition=cpu",
                "#SBATCH --output=" + folder + "/logs/task-%a.log", "#SBATCH --open-mode=append"), sbatch,
                "8 configurations in chunks of 3: array tasks 0..2, at most 3 at once");
        assertTrue(r.out().startsWith("#!/bin/bash\n"), r.out());
        assertTrue(r.out().contains("-Xmx1024m -Dai.djl.pytorch.num_threads=${SLURM_CPUS_PER_TASK:-1}"), r.out());
        Path manifest = folder.resolve("manifest.json");
        assertTrue(r.out().contains("exec ./promptscope sweep run-one --manifest " + manifest
                + " --index \"$SLURM_ARRAY_TASK_ID\" --chunk 3\n"), r.out());
        assertTrue(r.err().contains("not submitted"), r.err());
        assertEquals(results.resolve("dry").resolve("slurm").toRealPath(), folder.getParent().toRealPath());

        SweepPlan plan = SweepPlan.read(manifest);
        assertEquals(8, plan.configs().size());
        assertEquals(folder.getFileName().toString(), plan.id(), "the folder is named by the plan's stable id");
        assertEquals("add_two", plan.configs().get(0).dataset());
        assertEquals("suffix", plan.configs().get(0).method());
        assertEquals(2, plan.configs().get(7).seed());
        assertFalse(Files.exists(folder.resolve("submissions.json")), "nothing submitted");
        try (var s = Files.list(results.resolve("dry"))) {
            assertEquals(List.of("slurm"), s.map(p -> p.getFileName().toString()).toList(), "no record written");
        }
    }
}
