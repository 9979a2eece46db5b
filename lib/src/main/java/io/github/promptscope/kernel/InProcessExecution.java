package io.github.promptscope.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs notebook code in the kernel's JVM, so JVM flags ({@code -Xmx}, {@code -D...}) and live objects
 * reach the kernel.
 *
 * <ul>
 *   <li>Each snippet runs on a worker thread, so the kernel's control channel can interrupt it
 *       ({@link #interrupt()} sets the worker's interrupt flag; loops check it between steps). The snippet
 *       ends when its code has stopped, not at the interrupt: a search step finishes its scoring batch
 *       first, and the next cell never runs beside it on the same model. Code that never checks is left
 *       running after {@link #STOP_WAIT_SECONDS} and the cell says so. An interrupt that comes while
 *       JShell is still compiling the snippet stops it before its code starts.</li>
 *   <li>The worker's context class loader is the notebook's loader, so libraries that discover
 *       services or resources through it (DJL's engine, Tablesaw's readers) see what the notebook
 *       sees, including jars added with {@code %classpath} or {@code %maven}.</li>
 *   <li>A snippet's value leaves as the live object: the string returned to JShell is a key into
 *       {@link #takeValue}.</li>
 *   <li>Redefinition is accepted when only line numbers changed. JShell recompiles earlier snippets
 *       when a later one changes what names resolve to (a new wildcard import); refusing that
 *       redefinition, as {@link DirectExecutionControl} does, makes JShell load fresh wrapper classes
 *       and every earlier variable reads null. A real code change (a redeclared method) is still
 *       refused, so JShell loads the new code under a new class name and callers use it.</li>
 * </ul>
 */
final class InProcessExecution extends DirectExecutionControl {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "notebook-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean interrupted;
    /** When the last interrupt came (System.nanoTime), to give up waiting on code that never checks. */
    private volatile long interruptedAt;
    private volatile Throwable lastThrown;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ClassLoader notebookLoader = doitMethod.getDeclaringClass().getClassLoader();
        Future<Object> f = workers.submit(() -> {
            Thread self = Thread.currentThread();
            Thread.interrupted(); // an interrupt aimed at this pooled thread's previous snippet is not for this one
            running.add(self);
            ClassLoader previous = self.getContextClassLoader();
            self.setContextClassLoader(notebookLoader);
            try {
                if (interrupted) { // the stop button was pressed while JShell compiled this snippet
                    throw new CancellationException("interrupted");
                }
                return doitMethod.invoke(null);
            } finally {
                running.remove(self);
                self.setContextClassLoader(previous);
                Thread.interrupted(); // a pooled thread must not carry an old interrupt into the next cell
            }
        });
        try {
            Object value = awaitStopped(f);
            String key = UUID.randomUUID().toString();
            values.put(key, value == null ? NULL : value);
            return key;
        } catch (ExecutionException e) {
            // After an interrupt, the evaluator reports any failure as the interrupt (CellInterrupted).
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException ite && ite.getCause() != null) {
                lastThrown = ite.getCause();
                throw ite;
            }
            lastThrown = cause;
            throw cause instanceof Exception ex ? ex : new RuntimeException(cause);
        } catch (InterruptedException e) {
            interrupt();
            throw new StoppedException();
        }
    }

    /**
     * The snippet's value once its code has returned or thrown. After an interrupt, code that has not stopped
     * within {@link #STOP_WAIT_SECONDS} (it never checks the interrupt flag) is left running and the cell ends.
     */
    private Object awaitStopped(Future<Object> f) throws ExecutionException, InterruptedException, StoppedException {
        while (true) {
            try {
                return f.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long since = interruptedAt;
                if (interrupted && since != 0 && System.nanoTime() - since > TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS)) {
                    System.err.println("Interrupted, but the cell's code is still running in the background: it did not "
                            + "stop within " + STOP_WAIT_SECONDS + " s (long loops should call Interrupts.check()).");
                    throw new StoppedException();
                }
            }
        }
    }

    /** How long an interrupted snippet may take to reach its next interrupt check before the cell ends anyway. */
    static final int STOP_WAIT_SECONDS = 60;

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(cbcs);
        for (ClassBytecodes c : cbcs) {
            loaded.put(c.name(), c.bytecodes());
        }
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws NotImplementedException {
        for (ClassBytecodes c : cbcs) {
            byte[] old = loaded.get(c.name());
            if (old == null || !ClassBytes.sameIgnoringLineNumbers(old, c.bytecodes())) {
                // Real code change (a method redeclared): JShell then loads it under a new name.
                throw new NotImplementedException("redefine " + c.name());
            }
        }
        // Only line numbers moved (an import was added above): keep the loaded classes and their state.
        for (ClassBytecodes c : cbcs) {
            loaded.put(c.name(), c.bytecodes());
        }
    }

    /** Interrupts every running snippet; the cell then fails with "interrupted". */
    void interrupt() {
        interruptedAt = System.nanoTime();
        interrupted = true; // set before interrupting: a snippet that starts after this sees it and does not run
        for (Thread t : running) {
            t.interrupt();
        }
    }

    /** True once after an interrupt reached a running cell; clears the flag. */
    boolean takeInterrupted() {
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    /** The exception a snippet threw, with its real class and causes (JShell only keeps text). */
    Throwable takeThrown() {
        Throwable t = lastThrown;
        lastThrown = null;
        return t;
    }

    /** The live value behind a key JShell reports; null for void or missing. */
    Object takeValue(String key) {
        if (key == null) {
            return null;
        }
        Object v = values.remove(key);
        return v == NULL ? null : v;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        values.clear();
        super.close();
    }

    private static final Object NULL = new Object();
}
