package io.github.promptscope.serve;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one thread that touches the model. The runtime keeps per-call state (KV caches, sub-managers)
 * and is not thread-safe, so requests are run one at a time in arrival order (a FIFO queue), never
 * interleaved. A request whose client goes away is cancelled: still queued, it never runs; running,
 * its thread is interrupted and the generation loop stops at its next token
 * ({@code Interrupts.check()}), so the slot goes to the next request.
 */
final class ModelWorker implements AutoCloseable {

    /** Called while a request waits; throws when the client is gone (a failed write). */
    interface Heartbeat {
        void beat() throws Exception;
    }

    private static final long BEAT_MILLIS = 200;

    private final ThreadPoolExecutor executor;
    final AtomicLong ran = new AtomicLong();
    final AtomicLong cancelled = new AtomicLong();

    ModelWorker(int maxQueue) {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxQueue), r -> {
            Thread t = new Thread(r, "promptscope-model");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code job} on the model thread and waits for it, beating the heartbeat while waiting.
     * Returns null when the client went away (the job is then cancelled).
     */
    <T> T run(Callable<T> job, Duration timeout, Heartbeat heartbeat) throws Exception {
        Future<T> future;
        try {
            future = executor.submit(() -> {
                ran.incrementAndGet();
                return job.call();
            });
        } catch (RejectedExecutionException e) {
            throw new ApiError(429, "rate_limit_error", "the model's queue is full; retry later", null, "queue_full");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return future.get(BEAT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    cancel(future);
                    throw new ApiError(503, "server_error", "the request took longer than " + timeout.toSeconds()
                            + " s and was cancelled", null, "timeout");
                }
                try {
                    heartbeat.beat();
                } catch (Exception gone) {
                    cancel(future);
                    return null;
                }
            } catch (InterruptedException e) {
                cancel(future);
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            } catch (CancellationException e) {
                return null;
            }
        }
    }

    private void cancel(Future<?> future) {
        if (future.cancel(true)) {
            cancelled.incrementAndGet();
            executor.purge(); // a cancelled request still queued gives its place up now
        }
    }

    int queued() {
        return executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
