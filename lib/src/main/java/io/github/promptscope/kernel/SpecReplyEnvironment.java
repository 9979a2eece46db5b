package io.github.promptscope.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.channels.StdinChannel;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.ExpressionValue;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.adapters.ExpressionValueAdapter;

/**
 * A reply environment whose replies follow the messaging spec (5.x, "Request-Reply"): every reply
 * carries {@code "status"}. basekernel 2.3.0 leaves it out of kernel_info_reply, interrupt_reply,
 * shutdown_reply and comm_info_reply, and sends execute_reply without {@code payload}; the content is
 * re-encoded here with {@code "status": "ok"} (and {@code "payload": []}) added, everything else as
 * basekernel wrote it. Error replies already carry {@code "status": "error"}, ename, evalue and traceback.
 *
 * <p>For a silent execute ({@link #silence()}) it broadcasts only busy and idle: the spec's {@code silent=true}
 * means no execute_input, no execute_result and no output from the cell on IOPub. basekernel publishes all of
 * them through this environment, so dropping them here catches streams, displays and errors alike.
 *
 * <p>A failed cell's execute_reply carries the traceback the error broadcast shows ({@link #replyTraceback}),
 * as IPython's does, not basekernel's stack of the kernel's own frames: for a silent cell the reply is the only
 * place the error appears.
 */
final class SpecReplyEnvironment extends ShellReplyEnvironment {

    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
            .create();

    SpecReplyEnvironment(ShellChannel shell, StdinChannel stdin, JupyterSocket iopub, MessageContext context) {
        super(shell, stdin, iopub, context);
    }

    private volatile boolean silent;
    private volatile List<String> errorTraceback;

    /** From now on, IOPub gets only this request's status messages (its reply still goes out). */
    void silence() {
        silent = true;
    }

    @Override
    public void publish(Message<?> msg) {
        if (silent && msg.getHeader().getType() != MessageType.PUBLISH_STATUS) {
            return;
        }
        super.publish(msg);
    }

    /** The traceback an error execute_reply sent from here carries (the cell's formatted error). */
    void replyTraceback(List<String> lines) {
        errorTraceback = List.copyOf(lines);
    }

    @Override
    public void reply(Message<?> msg) {
        super.reply(withStatus(msg, errorTraceback));
    }

    static Message<?> withStatus(Message<?> msg) {
        return withStatus(msg, null);
    }

    /** The reply as the spec has it; an error execute_reply gets {@code traceback} when one is given. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Message<?> withStatus(Message<?> msg, List<String> traceback) {
        JsonObject content = GSON.toJsonTree(msg.getContent()).getAsJsonObject();
        if (!content.has("status")) {
            content.addProperty("status", "ok");
        }
        boolean errorExecute = msg.getHeader().getType().getName().equals(MessageType.EXECUTE_REPLY.getName())
                && "error".equals(content.get("status").getAsString());
        if (errorExecute && traceback != null) {
            JsonArray lines = new JsonArray();
            traceback.forEach(lines::add);
            content.add("traceback", lines);
        }
        boolean okExecute = msg.getHeader().getType() == MessageType.EXECUTE_REPLY
                && "ok".equals(content.get("status").getAsString());
        if (okExecute && !content.has("payload")) {
            content.add("payload", new JsonArray());
        }
        if (okExecute && !content.has("user_expressions")) {
            content.add("user_expressions", new JsonObject());
        }
        return new Message(msg.getIdentities(), msg.getHeader(), msg.getParentHeader(), msg.getMetadata(), content,
                msg.getBlobs());
    }
}
