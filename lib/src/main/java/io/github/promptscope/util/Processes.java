package io.github.promptscope.util;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/** This machine's name and whether a process on it is alive: how a left-behind file's writer is judged gone. */
public final class Processes {

    private static final String HOST = hostName();

    private Processes() {}

    /** The host name as the OS reports it (falling back to $HOSTNAME). */
    public static String host() {
        return HOST;
    }

    /** True when a process with this pid runs on this machine (a reused pid counts as alive: the safe answer). */
    public static boolean isAliveHere(long pid) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String h = System.getenv("HOSTNAME");
            return h == null ? "unknown" : h;
        }
    }
}
