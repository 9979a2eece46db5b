package io.github.promptscope.kernel;

import io.github.promptscope.plots.Figures;
import io.github.promptscope.plots.Html;
import io.github.promptscope.plots.Tables;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jdk.jshell.SourceCodeAnalysis;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/** The Jupyter side: messages in, {@link NotebookSession} runs them, rich output back. */
public final class PromptScopeKernel extends BaseKernel {

    private static volatile PromptScopeKernel current;

    private final NotebookSession session;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stream-flusher");
        t.setDaemon(true);
        return t;
    });

    public PromptScopeKernel(NotebookSession session) {
        this.session = session;
        registerRenderers();
        current = this;
    }

    /** The running kernel, or null outside one. */
    public static PromptScopeKernel current() {
        return current;
    }

    private void registerRenderers() {
        getRenderer().createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML)
                .register((t, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Tables.toHtml(t));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Tables.toText(t, Tables.DEFAULT_ROWS));
                });
        getRenderer().createRegistration(Figure.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML)
                .register((f, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Figures.toHtml(f));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "Figure with " + f.getTraces().length + " trace(s)");
                });
        getRenderer().createRegistration(Html.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML)
                .register((h, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, h::html));
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("Java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    @Override
    public String getBanner() {
        return "PromptScope Java kernel (JShell " + Runtime.version() + ")";
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        // Stream while the cell runs: Jupyter's streams buffer until flushed, and print() without a
        // newline (a progress line rewritten with \r) never flushes by itself.
        ScheduledFuture<?> tick = flusher.scheduleAtFixedRate(() -> {
            out.flush();
            err.flush();
        }, 100, 100, TimeUnit.MILLISECONDS);
        try {
            Object value = session.run(code);
            if (value == JShellEvaluator.NO_VALUE || value == null) {
                return null;
            }
            return value instanceof DisplayData d ? d : getRenderer().render(value);
        } finally {
            tick.cancel(false);
            out.flush();
            err.flush();
        }
    }

    @Override
    public List<String> formatError(Exception e) {
        return ErrorText.lines(e);
    }

    @Override
    public ReplacementOptions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> options = session.evaluator().complete(code, cursor, anchor);
        return options.isEmpty() ? null : new ReplacementOptions(options, anchor[0], cursor);
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean extraDetail) {
        List<String> docs = session.evaluator().inspect(code, cursor);
        return docs.isEmpty() ? null : new DisplayData(String.join("\n\n", docs));
    }

    @Override
    public String isComplete(String code) {
        if (code.strip().startsWith("%")) {
            return IS_COMPLETE_YES;
        }
        SourceCodeAnalysis.Completeness c = session.evaluator().completeness(code);
        return switch (c) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        session.evaluator().interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        flusher.shutdownNow();
        session.close();
    }

    /** For tests and notebooks: the session behind this kernel. */
    public NotebookSession session() {
        return session;
    }
}
