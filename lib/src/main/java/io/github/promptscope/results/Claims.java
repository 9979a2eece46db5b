package io.github.promptscope.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.github.promptscope.util.Processes;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Claim before run: one lock file per configuration, {@code <store>/.claims/<id>.lock}, created
 * atomically ({@code CREATE_NEW}), so concurrent workers (threads, processes, SLURM array tasks on any
 * node of a shared file system) never run the same configuration twice.
 *
 * <p>A claim names its holder (host, pid, the process's start time, a random token). It is stale, and
 * may be taken over, when its holder's process is gone (same host: no process with that pid and start
 * time) or when its file was not touched for {@link #staleAfter()}: a holder touches its claims every
 * {@link #HEARTBEAT_PERIOD}, so only a holder that died on another host (or froze) goes quiet. Taking over a
 * stale claim happens under a short-lived {@code <id>.lock.break} file, so two workers that both see the
 * same stale claim cannot both take it. A JVM that exits normally (including on SIGTERM from
 * {@code scancel}) releases its claims.
 */
public final class Claims {

    /** Default: a claim untouched for 10 minutes is stale. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(10);
    private static final Duration BREAK_LOCK_STALE = Duration.ofSeconds(60);

    private static final Set<Claim> HELD = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService HEARTBEAT = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "promptscope-claims-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** Holders touch their claims this often; a claim must be allowed to go quiet for much longer. */
    public static final Duration HEARTBEAT_PERIOD = Duration.ofSeconds(20);

    static {
        HEARTBEAT.scheduleAtFixedRate(() -> HELD.forEach(Claim::touch), HEARTBEAT_PERIOD.toMillis(),
                HEARTBEAT_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> HELD.forEach(Claim::close), "promptscope-claims-release"));
    }

    private final Path dir;
    private final Duration staleAfter;

    public Claims(Path dir, Duration staleAfter) {
        if (staleAfter.compareTo(HEARTBEAT_PERIOD.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("staleAfter must be at least 3 heartbeats (" + HEARTBEAT_PERIOD.multipliedBy(3)
                    + "), got " + staleAfter);
        }
        this.dir = dir;
        this.staleAfter = staleAfter;
    }

    /** Claims of a record store's configurations, in {@code <store>/.claims}. */
    public static Claims of(RecordStore store) {
        return new Claims(store.dir().resolve(".claims"), DEFAULT_STALE_AFTER);
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    public Path path(String id) {
        return dir.resolve(id + ".lock");
    }

    /**
     * Claims {@code id}, taking over a stale claim; empty when a live holder has it. The caller runs
     * the configuration and then closes the claim.
     */
    public Optional<Claim> tryClaim(String id) {
        Path lock = path(id);
        try {
            Files.createDirectories(dir);
            for (int attempt = 0; attempt < 3; attempt++) {
                String token = UUID.randomUUID().toString();
                try {
                    Files.write(lock, holderJson(token), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    Claim c = new Claim(lock, token);
                    HELD.add(c);
                    return Optional.of(c);
                } catch (FileAlreadyExistsException e) {
                    if (!breakIfStale(id)) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(lock + ": cannot claim: " + e.getMessage(), e);
        }
    }

    /** The live holder of {@code id}'s claim, if any (a stale claim is not a holder). */
    public Optional<JsonNode> holder(String id) {
        Optional<JsonNode> h = read(path(id));
        return h.isPresent() && !isStale(path(id), h.get()) ? h : Optional.empty();
    }

    private boolean breakIfStale(String id) throws IOException {
        Path lock = path(id);
        Optional<JsonNode> seen = read(lock);
        if (seen.isEmpty()) {
            return true; // released meanwhile: try again
        }
        if (!isStale(lock, seen.get())) {
            return false;
        }
        Path breaker = dir.resolve(id + ".lock.break");
        try {
            Files.createFile(breaker);
        } catch (FileAlreadyExistsException e) {
            if (age(breaker).compareTo(BREAK_LOCK_STALE) > 0) {
                Files.deleteIfExists(breaker); // a breaker that died holding it
            }
            return false;
        }
        try {
            Optional<JsonNode> now = read(lock);
            if (now.isPresent() && now.get().path("token").asText().equals(seen.get().path("token").asText())) {
                Files.deleteIfExists(lock); // still the stale claim we judged, and nobody else may delete it now
            }
            return true;
        } finally {
            Files.deleteIfExists(breaker);
        }
    }

    private boolean isStale(Path lock, JsonNode h) {
        try {
            if (age(lock).compareTo(staleAfter) > 0) {
                return true;
            }
        } catch (IOException e) {
            return false; // gone: not stale, simply free
        }
        if (h.path("host").asText().equals(HOST)) {
            Optional<ProcessHandle> p = ProcessHandle.of(h.path("pid").asLong());
            if (p.isEmpty() || !p.get().isAlive()) {
                return true;
            }
            String started = p.get().info().startInstant().map(Instant::toString).orElse("");
            String claimed = h.path("processStart").asText("");
            return !started.isEmpty() && !claimed.isEmpty() && !started.equals(claimed); // pid reused
        }
        return false;
    }

    private static Duration age(Path p) throws IOException {
        return Duration.between(Files.getLastModifiedTime(p).toInstant(), Instant.now());
    }

    private static Optional<JsonNode> read(Path lock) {
        try {
            return Optional.of(Json.MAPPER.readTree(Files.readAllBytes(lock)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // being written this very moment (created, not yet filled): treat as held, not stale
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("host", "?").put("pid", -1).put("token", "?");
            return Optional.of(n);
        }
    }

    private static byte[] holderJson(String token) throws IOException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ProcessHandle self = ProcessHandle.current();
        n.put("host", HOST).put("pid", self.pid())
                .put("processStart", self.info().startInstant().map(Instant::toString).orElse(""))
                .put("claimedAt", Instant.now().toString()).put("token", token);
        String job = System.getenv("SLURM_JOB_ID");
        if (job != null) {
            n.put("slurmJob", job);
        }
        return Json.MAPPER.writeValueAsBytes(n);
    }

    private static final String HOST = Processes.host();

    /** A held claim; closing it deletes the lock file if it is still this claim's. */
    public static final class Claim implements AutoCloseable {
        private final Path lock;
        private final String token;

        private Claim(Path lock, String token) {
            this.lock = lock;
            this.token = token;
        }

        public Path path() {
            return lock;
        }

        private boolean mine() {
            return read(lock).map(n -> n.path("token").asText().equals(token)).orElse(false);
        }

        private void touch() {
            try {
                if (mine()) {
                    Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
                }
            } catch (IOException ignored) {
                // a missed heartbeat is retried at the next one
            }
        }

        @Override
        public void close() {
            if (!HELD.remove(this)) {
                return;
            }
            try {
                if (mine()) {
                    Files.deleteIfExists(lock);
                }
            } catch (IOException ignored) {
                // a claim left behind goes stale with its process
            }
        }
    }
}
