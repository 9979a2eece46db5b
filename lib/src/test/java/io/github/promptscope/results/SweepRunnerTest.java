package io.github.promptscope.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

    private static List<RunConfig> configs() {
        return Sweep.over("dataset", List.of("add_two", "max_two")).and("seed", List.of(1, 2, 3)).grid().stream()
                .map(p -> RunConfig.of("iprompt", "iprompt", (String) p.get("dataset"), (Integer) p.get("seed"),
                        "", "", Map.of()))
                .toList();
    }

    @Test
    void gridIsTheCrossProductLastAxisFastest() {
        List<Map<String, Object>> g = Sweep.over("a", List.of(1, 2)).and("b", List.of("x", "y", "z")).grid();
        assertEquals(6, g.size());
        assertEquals(Map.of("a", 1, "b", "x"), g.get(0));
        assertEquals(Map.of("a", 1, "b", "y"), g.get(1));
        assertEquals(Map.of("a", 2, "b", "z"), g.get(5));
    }

    @Test
    void failuresAreRecordedAndResumeSkipsOnlyDoneRuns(@TempDir Path dir) {
        RecordStore store = new RecordStore(dir, "sweep");
        AtomicInteger calls = new AtomicInteger();
        SweepRunner.Run flaky = cfg -> {
            calls.incrementAndGet();
            if (cfg.dataset().equals("max_two") && cfg.seed() == 2) {
                throw new IllegalStateException("boom on max_two/2");
            }
            return new RunOutput(List.of(), Map.of("mrr", cfg.seed() / 10.0), 5);
        };
        SweepReport first = SweepRunner.into(store).parallelism(3).progressBar(false).run(configs(), flaky);
        assertEquals(6, calls.get());
        assertEquals(5, first.done().size());
        assertEquals(1, first.failed().size());
        RunRecord failed = first.failed().get(0);
        assertEquals(RunRecord.FAILED, failed.status());
        assertEquals("boom on max_two/2", failed.error().message());
        assertTrue(failed.error().stackTrace().contains("IllegalStateException"));
        assertEquals(RunRecord.FAILED, store.read(failed.id()).orElseThrow().status());

        // Second invocation: the five done runs are skipped, the failed one is retried and now succeeds.
        calls.set(0);
        SweepReport second = SweepRunner.into(store).parallelism(2).progressBar(false)
                .run(configs(), cfg -> {
                    calls.incrementAndGet();
                    return new RunOutput(List.of(), Map.of("mrr", 0.2), 1);
                });
        assertEquals(1, calls.get());
        assertEquals(1, second.ran().size());
        assertEquals(5, second.skipped().size());
        assertEquals(1, second.done().size());
        assertEquals(failed.id(), second.done().get(0).id());
        assertEquals(6, Results.load(dir).rowCount());
    }

    /** A sweep's record keeps what the run returned beside its metrics: the series and the proposals, read back. */
    @Test
    void seriesAndProposalsReachTheStoredRecord(@TempDir Path dir) {
        RecordStore store = new RecordStore(dir, "sweep");
        Map<String, List<Double>> series = Map.of("loss", List.of(2.5, 1.25), "n_correct", List.of(0.0, 3.0));
        List<String> proposals = List.of(" Add the two", " Sum both numbers");
        SweepReport r = SweepRunner.into(store).progressBar(false).run(configs().subList(0, 1),
                cfg -> new RunOutput(List.of(), Map.of("mrr", 1.0), 7, series, proposals));
        RunRecord back = store.read(r.done().get(0).id()).orElseThrow();
        assertEquals(series, back.series());
        assertEquals(proposals, back.proposals());
    }

    @Test
    void progressBarRunDoesNotFail(@TempDir Path dir) {
        SweepReport r = SweepRunner.into(new RecordStore(dir, "pb")).run(configs().subList(0, 2),
                cfg -> new RunOutput(List.of(), Map.of(), 0));
        assertEquals(2, r.done().size());
    }
}
