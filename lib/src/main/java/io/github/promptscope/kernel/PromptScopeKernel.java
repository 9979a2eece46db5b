package io.github.promptscope.kernel;

import io.github.promptscope.plots.Figures;
import io.github.promptscope.plots.Html;
import io.github.promptscope.plots.Tables;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
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

    private static final List<LanguageInfo.Help> HELP_LINKS = List.of(
            new LanguageInfo.Help("Java 17 API", "https://docs.oracle.com/en/java/javase/17/docs/api/"),
            new LanguageInfo.Help("JShell user guide", "https://docs.oracle.com/en/java/javase/17/jshell/"),
            new LanguageInfo.Help("Tablesaw", "https://jtablesaw.github.io/tablesaw/"));

    private final NotebookSession session;
    private final CellHistory history = new CellHistory();
    /** The running cell's reply environment (clear_output goes out on it), null between cells. */
    private volatile ShellReplyEnvironment cellEnv;
    /** The running cell's result as text/plain, for the history's output; null when it shows none. */
    private volatile String cellOutput;
    /** The running cell's reply environment when it is a {@link SpecReplyEnvironment} (always, from KernelLauncher). */
    private volatile SpecReplyEnvironment cellReplies;
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
    public List<LanguageInfo.Help> getHelpLinks() {
        return HELP_LINKS; // basekernel's default (null) leaves help_links out of kernel_info_reply
    }

    /**
     * basekernel's handlers, with these changes: each executed cell goes into the history (unless
     * silent or store_history is false, as the spec says), and history_request is answered from it; a
     * silent execute broadcasts nothing but busy and idle; and only a cell stored in the history takes
     * an execution count.
     */
    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        ShellHandler<ExecuteRequest> execute = connection.getHandler(MessageType.EXECUTE_REQUEST);
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, msg) -> executeRecorded(execute, env, msg));
        connection.setHandler(MessageType.HISTORY_REQUEST, (env, msg) -> {
            env.setBusyDeferIdle();
            env.reply(reply(env, MessageType.HISTORY_REPLY, history.reply(msg.getContent())));
        });
    }

    private void executeRecorded(ShellHandler<ExecuteRequest> execute, ShellReplyEnvironment env,
                                 Message<ExecuteRequest> msg) {
        ExecuteRequest request = msg.getContent();
        boolean stored = request.shouldStoreHistory() && !request.isSilent(); // silent forces store_history=false
        cellReplies = env instanceof SpecReplyEnvironment spec ? spec : null;
        if (request.isSilent() && cellReplies != null) {
            cellReplies.silence();
        }
        int line = executionCount.get(); // the count basekernel's handler takes for this cell
        cellOutput = null;
        cellEnv = request.isSilent() ? null : env; // clearOutput() is output too
        try {
            execute.handle(env, msg);
        } finally {
            cellEnv = null;
            cellReplies = null;
            if (!stored) {
                // basekernel counts every execute; the spec counts only those stored in the history, and a cell
                // that stores none reports the counter as it stands. Shell requests run one at a time, so
                // nothing else took a count in between.
                executionCount.decrementAndGet();
            }
        }
        if (stored) {
            history.add(line, request.getCode(), cellOutput);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Message<?> reply(ShellReplyEnvironment env, MessageType<?> type, JsonObject content) {
        return new Message(env.getContext(), type, content);
    }

    /**
     * Publishes clear_output for the running cell (IPython's {@code clear_output(wait)}): with
     * {@code wait} the front end clears when the next output arrives, so a redrawn display does not flicker.
     * Text printed before it is flushed first, so it is cleared too. Outside a cell it does nothing.
     */
    public void clearOutput(boolean wait) {
        ShellReplyEnvironment env = cellEnv;
        if (env == null) {
            return;
        }
        System.out.flush();
        System.err.flush();
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
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
            DisplayData shown = value instanceof DisplayData d ? d : getRenderer().render(value);
            Object text = shown.getData(MIMEType.TEXT_PLAIN);
            cellOutput = text == null ? null : text.toString();
            return shown;
        } finally {
            tick.cancel(false);
            out.flush();
            err.flush();
        }
    }

    @Override
    public List<String> formatError(Exception e) {
        List<String> lines = ErrorText.lines(e);
        SpecReplyEnvironment replies = cellReplies;
        if (replies != null) {
            // basekernel formats only the error it broadcasts, just before it replies: the reply gets the same lines
            replies.replyTraceback(lines);
        }
        return lines;
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
