package io.github.promptscope.cli;

import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunRecord;
import io.github.promptscope.results.SweepPlan;
import io.github.promptscope.results.cluster.SweepStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Per configuration: done, running, pending, failed (with its error) or missing,",
                "from the records, the claims, squeue and (when accounting is on) sacct."})
final class SweepStatusCommand implements Callable<Integer> {

    static final class Which {
        @Option(names = "--manifest", required = true, description = "A sweep's manifest.json.")
        Path manifest;

        @Option(names = "--experiment", required = true, description = "Every submitted sweep of RESULTS/EXPERIMENT.")
        String experiment;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--results", defaultValue = "results", description = "Results folder, with --experiment (default ${DEFAULT-VALUE}).")
    Path results;

    @Override
    public Integer call() throws IOException {
        if (which.manifest != null) {
            return print(SweepPlan.read(which.manifest));
        }
        RecordStore store = new RecordStore(results, which.experiment);
        List<Path> manifests;
        Path slurm = store.dir().resolve("slurm");
        try (Stream<Path> s = Files.isDirectory(slurm) ? Files.list(slurm) : Stream.empty()) {
            manifests = s.map(d -> d.resolve("manifest.json")).filter(Files::isRegularFile).sorted().toList();
        }
        if (manifests.isEmpty()) {
            long done = 0;
            long failed = 0;
            long damaged = 0;
            try (Stream<Path> s = Files.isDirectory(store.dir()) ? Files.list(store.dir()) : Stream.empty()) {
                for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                    String id = p.getFileName().toString().replaceFirst("\\.json$", "");
                    if (store.isDamaged(id)) {
                        damaged++; // a resumed sweep reruns it
                        continue;
                    }
                    var r = store.read(id);
                    done += r.filter(RunRecord::isDone).isPresent() ? 1 : 0;
                    failed += r.filter(x -> !x.isDone()).isPresent() ? 1 : 0;
                }
            }
            System.out.printf("%s: no submitted sweep; %d done, %d failed records%s%n", store.dir(), done, failed,
                    damaged == 0 ? "" : ", " + damaged + " damaged (rerun by the next sweep)");
            return failed == 0 && damaged == 0 ? 0 : 1;
        }
        int code = 0;
        for (Path m : manifests) {
            code = Math.max(code, print(SweepPlan.read(m)));
        }
        return code;
    }

    private static int print(SweepPlan plan) {
        SweepStatus st = SweepStatus.of(plan);
        System.out.print(st.toText());
        return st.counts().get(SweepStatus.FAILED) == 0 ? 0 : 1;
    }
}
