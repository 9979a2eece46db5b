package io.github.promptscope.results;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.util.FuzzContract;
import io.github.promptscope.util.FuzzFiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the two readers of a run record file: {@link RecordStore#read} (the typed record a sweep
 * resumes from) and {@link Results#scan} (a results folder as a table, where a damaged file is
 * skipped and named). Corpus: {@code RunRecordFuzzTestInputs/readsRunRecord/}.
 */
class RunRecordFuzzTest {

    @TempDir
    Path tmp;

    @FuzzTest(maxDuration = "5m")
    void readsRunRecord(byte[] input) throws IOException {
        RecordStore store = new RecordStore(tmp, "fuzz");
        Files.createDirectories(store.dir());
        Path file = FuzzFiles.rewrite(store.path("0123456789abcdef"), input);
        FuzzContract.namedErrorsOnly(() -> store.read("0123456789abcdef"), file.toString(),
                List.of(UncheckedIOException.class));
        FuzzContract.namedErrorsOnly(() -> Results.scan(file).skipped().forEach(reason -> assertTrue(
                reason.startsWith(file + ": "), "a skipped file is named first: " + reason)),
                file.toString(), List.of(IllegalArgumentException.class));
    }
}
