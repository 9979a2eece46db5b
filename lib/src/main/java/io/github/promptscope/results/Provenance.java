package io.github.promptscope.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where and how a run happened, enough to rerun it and to explain a number that moved.
 *
 * <p>JDK, OS and architecture are here for the reason Tribuo records them: {@code Math} functions may
 * differ by an ulp between JVMs and platforms, and sampled prompts diverge from there.
 *
 * @param libraryVersion PromptScope version (jar manifest or Maven properties; "dev" from classes)
 * @param gitCommit      commit of the working directory's checkout, "+dirty" if it has changes, or "unknown"
 * @param jdk            {@code java.vendor java.version}
 * @param os             {@code os.name os.version}
 * @param arch           {@code os.arch}
 * @param startedAt      ISO-8601 instant
 * @param endedAt        ISO-8601 instant
 * @param wallSeconds    end minus start
 * @param tokensScored   tokens the LM scored or generated during the run (0 if none)
 */
public record Provenance(String libraryVersion, String gitCommit, String jdk, String os, String arch,
                         String startedAt, String endedAt, double wallSeconds, long tokensScored) {

    /** Captures the environment now; the git lookup runs once per JVM. */
    public static Provenance capture(Instant start, Instant end, long tokensScored) {
        return new Provenance(Environment.LIBRARY_VERSION, Environment.GIT_COMMIT,
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), start.toString(), end.toString(),
                Duration.between(start, end).toNanos() / 1e9, tokensScored);
    }

    /** Values that do not change during a JVM's life. */
    private static final class Environment {
        static final String LIBRARY_VERSION = libraryVersion();
        static final String GIT_COMMIT = gitCommit();

        private static String libraryVersion() {
            String v = Provenance.class.getPackage().getImplementationVersion();
            if (v != null) {
                return v;
            }
            try (InputStream in = Provenance.class.getResourceAsStream(
                    "/META-INF/maven/io.github.promptscope/promptscope/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    return p.getProperty("version", "dev");
                }
            } catch (IOException ignored) {
                // fall through: an unreadable properties file is the same as none
            }
            return "dev";
        }

        private static String gitCommit() {
            String head = git("rev-parse", "HEAD");
            if (head == null) {
                return "unknown";
            }
            String status = git("status", "--porcelain", "--untracked-files=no");
            return status == null || status.isEmpty() ? head : head + "+dirty";
        }

        private static String git(String... args) {
            String[] cmd = new String[args.length + 1];
            cmd[0] = "git";
            System.arraycopy(args, 0, cmd, 1, args.length);
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroy();
                    return null;
                }
                return new String(out, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
