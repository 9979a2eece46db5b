package io.github.promptscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.reply.InterruptReply;
import io.github.spencerpark.jupyter.messages.reply.IsCompleteReply;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.reply.ShutdownReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecReplyEnvironmentTest {

    private static <T> JsonObject sent(MessageType<T> type, T content) {
        return (JsonObject) SpecReplyEnvironment.withStatus(new Message<>(null, type, content)).getContent();
    }

    @Test
    void kernelInfoReplyGetsStatusAndKeepsItsFields() {
        LanguageInfo java = new LanguageInfo.Builder("Java").version("17").mimetype("text/x-java-source")
                .fileExtension(".jshell").build();
        JsonObject c = sent(MessageType.KERNEL_INFO_REPLY, new KernelInfoReply("5.3", "promptscope-kernel", "0.1.0",
                java, "banner", List.of(new LanguageInfo.Help("Java 17 API", "https://example.org/api"))));
        assertEquals("ok", c.get("status").getAsString());
        assertEquals("5.3", c.get("protocol_version").getAsString());
        assertEquals("promptscope-kernel", c.get("implementation").getAsString());
        assertEquals("0.1.0", c.get("implementation_version").getAsString());
        assertEquals(".jshell", c.getAsJsonObject("language_info").get("file_extension").getAsString());
        assertEquals("Java 17 API", c.getAsJsonArray("help_links").get(0).getAsJsonObject().get("text").getAsString());
    }

    @Test
    void controlRepliesGetStatusOk() {
        assertEquals("{\"status\":\"ok\"}", sent(MessageType.INTERRUPT_REPLY, new InterruptReply()).toString());
        assertEquals("{\"restart\":true,\"status\":\"ok\"}",
                sent(MessageType.SHUTDOWN_REPLY, ShutdownReply.SHUTDOWN_AND_RESTART).toString());
    }

    @Test
    void executeReplyGetsPayloadAndErrorsStayErrors() {
        assertEquals("{\"status\":\"ok\",\"execution_count\":7,\"user_expressions\":{},\"payload\":[]}",
                sent(MessageType.EXECUTE_REPLY, new ExecuteReply(7, Map.of())).toString());
        ErrorReply error = new ErrorReply("CompilationFailure", "line 2: incompatible types", List.of("at cell 2"));
        error.setExecutionCount(8);
        @SuppressWarnings({"rawtypes", "unchecked"})
        Message<?> failed = new Message(null, ExecuteReply.MESSAGE_TYPE.error(), error);
        assertEquals("{\"status\":\"error\",\"ename\":\"CompilationFailure\",\"evalue\":\"line 2: incompatible types\","
                + "\"traceback\":[\"at cell 2\"],\"execution_count\":8}",
                SpecReplyEnvironment.withStatus(failed).getContent().toString());
    }

    @Test
    void anErrorExecuteReplyCarriesTheCellsFormattedTraceback() {
        // basekernel's reply traceback is the kernel's own stack; the broadcast's formatted lines replace it
        ErrorReply error = new ErrorReply("EvaluationFailure", "quiet", List.of("at BaseKernel.handleExecuteRequest"));
        error.setExecutionCount(3);
        @SuppressWarnings({"rawtypes", "unchecked"})
        Message<?> failed = new Message(null, ExecuteReply.MESSAGE_TYPE.error(), error);
        assertEquals("{\"status\":\"error\",\"ename\":\"EvaluationFailure\",\"evalue\":\"quiet\","
                + "\"traceback\":[\"java.lang.IllegalStateException: quiet\",\"  at cell line 1\"],\"execution_count\":3}",
                SpecReplyEnvironment.withStatus(failed, List.of("java.lang.IllegalStateException: quiet", "  at cell line 1"))
                        .getContent().toString());
        assertEquals("{\"status\":\"ok\",\"execution_count\":4,\"user_expressions\":{},\"payload\":[]}",
                SpecReplyEnvironment.withStatus(new Message<>(null, MessageType.EXECUTE_REPLY, new ExecuteReply(4, Map.of())),
                        List.of("not for an ok reply")).getContent().toString());
    }

    @Test
    void isCompleteKeepsItsOwnStatus() {
        assertEquals("{\"status\":\"invalid\",\"indent\":\"\"}",
                sent(MessageType.IS_COMPLETE_REPLY, IsCompleteReply.INVALID_CODE).toString());
    }
}
