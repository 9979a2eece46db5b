package io.github.promptscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluator as a notebook uses it: one session, cells in order. */
class JShellEvaluatorTest {

    private static NotebookSession session;

    @BeforeAll
    static void start() throws Exception {
        session = new NotebookSession();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static Object run(String cell) throws Exception {
        return session.run(cell);
    }

    @Test
    void trailingExpressionIsTheCellValue() throws Exception {
        assertEquals(3, run("1 + 2"));
        assertEquals(20, run("int ten = 10;\nString s = \"x\";\nten * 2"));
        assertSame(JShellEvaluator.NO_VALUE, run("int y = 3;"));
        assertSame(JShellEvaluator.NO_VALUE, run("System.out.println(\"hi\");"));
    }

    @Test
    void liveObjectsNotTheirText() throws Exception {
        Object v = run("new StringBuilder(\"ab\")");
        assertInstanceOf(StringBuilder.class, v);
    }

    @Test
    void declarationsImportsAndMethodsSurviveAcrossCells() throws Exception {
        run("import java.time.Duration;\nrecord P(int a, int b) {}\nint add(P p) { return p.a() + p.b(); }");
        run("P p1 = new P(2, 5);");
        assertEquals(7, run("add(p1)"));
        assertEquals("PT1M", run("Duration.ofMinutes(1).toString()"));
    }

    @Test
    void laterWildcardImportDoesNotResetEarlierVariables() throws Exception {
        run("Table t0 = Table.create(\"t0\");\nint k = 41;\nList<String> words = new ArrayList<>(List.of(\"a\"));");
        run("import tech.tablesaw.plotly.components.*;\nimport tech.tablesaw.columns.*;");
        assertEquals(false, run("t0 == null"));
        assertEquals("t0", run("t0.name()"));
        assertEquals(42, run("k + 1"));
        assertEquals(1, run("words.size()"));
    }

    @Test
    void redefinedMethodIsUsedByCallers() throws Exception {
        run("int base() { return 1; }\nint twice() { return 2 * base(); }");
        assertEquals(2, run("twice()"));
        run("int base() { return 5; }");
        assertEquals(5, run("base()"));
        assertEquals(10, run("twice()"));
    }

    @Test
    void compileErrorNamesTheLineAndMessage() {
        CompilationFailure e = assertThrows(CompilationFailure.class,
                () -> run("int a = 1;\nint b = 2;\nString s = a + b;"));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("incompatible types"), e.getMessage());
        assertTrue(e.getMessage().contains("String s = a + b;"), e.getMessage());
    }

    @Test
    void compileErrorInsideAMultiLineSnippet() {
        CompilationFailure e = assertThrows(CompilationFailure.class,
                () -> run("// first a comment\nint f(int x) {\n    String s = x;\n    return 1;\n}"));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("String s = x;"), e.getMessage());
    }

    @Test
    void runtimeExceptionKeepsItsClassMessageAndCause() throws Exception {
        run("void fail(String why) { throw new IllegalStateException(why, new java.io.IOException(\"disk\")); }");
        EvaluationFailure e = assertThrows(EvaluationFailure.class, () -> run("int before = 1;\nfail(\"boom\");"));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("boom", e.getCause().getMessage());
        assertInstanceOf(java.io.IOException.class, e.getCause().getCause());
        String text = String.join("\n", ErrorText.lines(e));
        assertTrue(text.contains("java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains("Caused by: java.io.IOException: disk"), text);
        assertTrue(text.contains("fail (cell"), text);
        assertTrue(!text.contains("jdk.internal.reflect"), text);
        assertEquals(1, run("before")); // statements before the failure ran
    }

    @Test
    void interruptStopsALoopAndTheSessionStaysUsable() throws Exception {
        run("int progressBeforeStop = 0;");
        String looping = "promptscope.test.looping"; // the cell runs in this JVM: it says when its loop runs
        System.clearProperty(looping);
        CompletableFuture<Exception> cell = CompletableFuture.supplyAsync(() -> {
            try {
                run("for (int i = 0; ; i++) {\n  progressBeforeStop = i;\n  System.setProperty(\"" + looping + "\", \"yes\");\n"
                        + "  io.github.promptscope.util.Interrupts.check();\n  Thread.onSpinWait();\n}");
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        while (System.getProperty(looping) == null && !cell.isDone()) {
            Thread.sleep(20);
        }
        Thread.sleep(100);
        session.evaluator().interrupt();
        System.clearProperty(looping);
        Exception e = cell.get(10, TimeUnit.SECONDS);
        assertInstanceOf(CellInterrupted.class, e, String.valueOf(e));
        assertTrue((Integer) run("progressBeforeStop") > 0);
        assertEquals(4, run("2 + 2"));
    }

    @Test
    void anInterruptedCellEndsOnlyOnceItsCodeHasStopped() throws Exception {
        // A search step does not check for interrupts inside a scoring batch: the cell must not end (and let the
        // next cell use the same model) while the step still runs. Here a step spins for 3 s; the cell runs in
        // this JVM, so it reports through a system property (JShell itself takes one cell at a time).
        String inStep = "promptscope.test.inStep";
        System.clearProperty(inStep);
        CompletableFuture<Exception> cell = CompletableFuture.supplyAsync(() -> {
            try {
                run("while (true) {\n  System.setProperty(\"" + inStep + "\", \"yes\");\n"
                        + "  long until = System.nanoTime() + 3_000_000_000L;\n"
                        + "  while (System.nanoTime() < until) { Thread.onSpinWait(); }\n"
                        + "  System.setProperty(\"" + inStep + "\", \"no\");\n"
                        + "  io.github.promptscope.util.Interrupts.check();\n}");
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        while (!"yes".equals(System.getProperty(inStep)) && !cell.isDone()) {
            Thread.sleep(20);
        }
        session.evaluator().interrupt();
        assertInstanceOf(CellInterrupted.class, cell.get(InProcessExecution.STOP_WAIT_SECONDS + 30, TimeUnit.SECONDS));
        assertEquals("no", System.getProperty(inStep), "the step had finished when the cell ended");
        System.clearProperty(inStep);
    }

    @Test
    void sleepingCellIsInterruptedToo() throws Exception {
        CompletableFuture<Exception> cell = CompletableFuture.supplyAsync(() -> {
            try {
                run("Thread.sleep(60_000);");
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        Thread.sleep(400);
        session.evaluator().interrupt();
        assertInstanceOf(CellInterrupted.class, cell.get(10, TimeUnit.SECONDS));
        assertEquals("ok", run("\"ok\""));
    }

    @Test
    void notebookCodeRunsWithTheNotebookClassLoader() throws Exception {
        run("class Marker {}");
        assertEquals(true, run("Thread.currentThread().getContextClassLoader() == Marker.class.getClassLoader()"));
        // Tablesaw's readers register through a classpath scan on first use.
        assertEquals(2, run("Table.read().csv(new StringReader(\"a,b\\n1,2\\n3,4\")).rowCount()"));
    }

    @Test
    void djlEngineLoadsInsideTheNotebook() throws Exception {
        Object v = run("io.github.promptscope.lm.Engines.describe()");
        assertTrue(String.valueOf(v).startsWith("PyTorch"), String.valueOf(v));
    }

    @Test
    void libraryPackagesAreImported() throws Exception {
        assertNotNull(run("Datasets.list()"));
        assertNotNull(run("Plots.class"));
        assertNotNull(run("Results.class"));
    }
}
