package io.github.promptscope.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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
 */
final class SpecReplyEnvironment extends ShellReplyEnvironment {

    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
            .create();

    SpecReplyEnvironment(ShellChannel shell, StdinChannel stdin, JupyterSocket iopub, MessageContext context) {
        super(shell, stdin, iopub, context);
    }

    @Override
    public void reply(Message<?> msg) {
        super.reply(withStatus(msg));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Message<?> withStatus(Message<?> msg) {
        JsonObject content = GSON.toJsonTree(msg.getContent()).getAsJsonObject();
        if (!content.has("status")) {
            content.addProperty("status", "ok");
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
