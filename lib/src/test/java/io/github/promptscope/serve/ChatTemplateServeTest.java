package io.github.promptscope.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.backend.ChatTemplate;
import io.github.promptscope.lm.Generation;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.LanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /v1/chat/completions} on a checkpoint with its own (ChatML) template. */
class ChatTemplateServeTest {

    static final String CHATML = "{% if messages[-1]['role'] != 'user' %}"
            + "{{ raise_exception('The last message must come from the user.') }}{% endif %}"
            + "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
            + "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
            + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
            + "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    @Test
    void generatesFromTheRenderedPromptAndReportsTheTemplatesError(@TempDir Path dir) throws Exception {
        Path source = Servers.fixtures().resolve("gpt2-lmhead");
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ObjectNode config = (ObjectNode) Servers.JSON.readTree(dir.resolve("tokenizer_config.json").toFile());
        config.put("chat_template", CHATML);
        Files.writeString(dir.resolve("tokenizer_config.json"), Servers.JSON.writeValueAsString(config));

        List<ChatMessage> messages = List.of(ChatMessage.system("You add numbers."), ChatMessage.user("Add 2 and 4."));
        String rendered = ChatTemplate.forCheckpoint(dir).render(messages);
        assertEquals("<|im_start|>system\nYou add numbers.<|im_end|>\n<|im_start|>user\nAdd 2 and 4.<|im_end|>\n"
                + "<|im_start|>assistant\n", rendered);
        try (LanguageModel lm = LanguageModel.load(dir); OpenAiServer server = Servers.serve(lm, null)) {
            String body = "{\"messages\": [{\"role\": \"system\", \"content\": \"You add numbers.\"},"
                    + " {\"role\": \"user\", \"content\": \"Add 2 and 4.\"}], \"max_tokens\": 12, \"temperature\": 0";
            JsonNode reply = Servers.post(server, "/v1/chat/completions", body + "}", null).json();
            Generation expected = lm.generate(rendered, GenerationConfig.builder().maxNewTokens(12).temperature(0)
                    .stopStrings(List.of("<|endoftext|>")).build());
            assertEquals(expected.text(), reply.at("/choices/0/message/content").asText(), reply.toString());
            assertEquals(lm.tokenizer().encode(rendered).length, reply.at("/usage/prompt_tokens").asInt());
            assertEquals(expected.tokens().length, reply.at("/usage/completion_tokens").asInt());
            assertTrue(expected.tokens().length > 0);

            StringBuilder streamed = new StringBuilder();
            for (String line : Servers.post(server, "/v1/chat/completions", body + ", \"stream\": true}", null)
                    .body().split("\n")) {
                if (line.startsWith("data: {")) {
                    streamed.append(new Servers.Reply(200, line.substring(6)).json().at("/choices/0/delta/content").asText(""));
                }
            }
            assertEquals(expected.text(), streamed.toString());

            Servers.Reply bad = Servers.post(server, "/v1/chat/completions",
                    "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Hello\"}]}",
                    null);
            assertEquals(400, bad.status(), bad.body());
            JsonNode error = bad.json().path("error");
            assertEquals("the model's chat template rejected the conversation: The last message must come from the user.",
                    error.path("message").asText());
            assertEquals("invalid_request_error", error.path("type").asText());
            assertEquals("messages", error.path("param").asText());
            assertTrue(error.has("code"), bad.body());
        }
    }
}
