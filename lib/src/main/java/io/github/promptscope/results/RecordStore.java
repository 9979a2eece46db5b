package io.github.promptscope.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.util.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Run records of one experiment as {@code <root>/<experiment>/<id>.json}.
 *
 * <p>Writes go to a temporary file in the same folder and are then moved into place atomically, so
 * a crash or a parallel reader never sees half a record, and an existing file is always complete.
 */
public final class RecordStore {

    private final Path root;
    private final String experiment;

    public RecordStore(Path root, String experiment) {
        if (experiment.isBlank() || experiment.contains("/") || experiment.contains("\\") || experiment.contains("..")) {
            throw new IllegalArgumentException("experiment must be a plain folder name, got \"" + experiment + "\"");
        }
        this.root = root;
        this.experiment = experiment;
    }

    /** The store whose records live in {@code folder} (an --out folder): its parent is the root. */
    public static RecordStore at(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        return new RecordStore(dir.getParent(), dir.getFileName().toString());
    }

    /** {@code results/<experiment>} relative to the working directory. */
    public static RecordStore of(String experiment) {
        return new RecordStore(Path.of("results"), experiment);
    }

    public String experiment() {
        return experiment;
    }

    public Path dir() {
        return root.resolve(experiment);
    }

    public Path path(String id) {
        return dir().resolve(id + ".json");
    }

    public Optional<RunRecord> read(String id) {
        Path p = path(id);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonFiles.read(Json.MAPPER, p, RunRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": not a run record: " + e.getMessage(), e);
        }
    }

    /**
     * True when a completed (not failed) record exists; failed runs are retried by a sweep, and so
     * are damaged records ({@link #isDamaged}): a file that cannot be read is no result.
     */
    public boolean isDone(String id) {
        try {
            return read(id).map(RunRecord::isDone).orElse(false);
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** True when {@code id} has a file that is not a readable run record (cut short, not JSON, edited). */
    public boolean isDamaged(String id) {
        try {
            read(id);
            return false;
        } catch (UncheckedIOException e) {
            return true;
        }
    }

    /**
     * True when this configuration's completed record exists. A record of another configuration
     * under its id (a hash collision, or a file put there by hand) is an error, not a skip.
     */
    public boolean isDone(RunConfig config) {
        return own(config).map(RunRecord::isDone).orElse(false);
    }

    /**
     * Checks before a run that its record can be written: creates the folder, and refuses when the
     * record's file holds another configuration's record. Fails before a long search
     * rather than after it.
     */
    public void checkWritable(RunConfig config) {
        own(config);
        try {
            java.nio.file.Files.createDirectories(dir());
        } catch (IOException e) {
            throw new UncheckedIOException(dir() + ": cannot create the records folder: " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir())) {
            throw new IllegalArgumentException(dir() + ": the records folder is not writable");
        }
    }

    /**
     * The record at the configuration's id when it is that configuration's; another's is an error. A
     * damaged file (cut short by a kill, not JSON) is nobody's result: it counts as absent, so the run
     * is done again and its record replaces the damage.
     */
    private Optional<RunRecord> own(RunConfig config) {
        if (isDamaged(config.id())) {
            return Optional.empty();
        }
        Optional<RunRecord> r = read(config.id());
        if (r.isPresent() && !Json.canonical(r.get().config()).equals(Json.canonical(config))) {
            RunConfig other = r.get().config();
            throw new IllegalStateException(path(config.id()) + " holds the record of another run (" + other.method()
                    + " on " + other.dataset() + ", seed " + other.seed() + ", other settings) under the id of this one ("
                    + config.method() + " on " + config.dataset() + ", seed " + config.seed()
                    + "); it is left as it is: move it away or write to another folder");
        }
        return r;
    }

    /**
     * Writes the record atomically. Replaces only a record of the same configuration (a rerun, or a
     * failed run retried) or a damaged file; another configuration's record is refused.
     */
    public Path write(RunRecord record) {
        if (!record.experiment().equals(experiment)) {
            throw new IllegalArgumentException("record of experiment " + record.experiment() + " written to store "
                    + experiment);
        }
        own(record.config());
        Path target = path(record.id());
        try {
            AtomicFiles.writeBytes(target, Json.MAPPER.writeValueAsBytes(record));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write run record: " + e.getMessage(), e);
        }
    }
}
