package io.github.promptscope.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat templates against Python transformers' {@code apply_chat_template}: the three templates of
 * {@code fixtures/chat_templates.json} (written by environment/make_chat_template_fixtures.py), each
 * loaded from a checkpoint-style tokenizer_config.json, render every conversation to the same string.
 */
class ChatTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path fixtures() throws Exception {
        return Path.of(ChatTemplateTest.class.getResource("/fixtures").toURI());
    }

    @Test
    void rendersAsTransformersDoes(@TempDir Path tmp) throws Exception {
        JsonNode all = JSON.readTree(fixtures().resolve("chat_templates.json").toFile());
        int cases = 0;
        for (JsonNode t : all.path("templates")) {
            Path dir = Files.createDirectories(tmp.resolve(t.path("name").asText()));
            Files.writeString(dir.resolve("tokenizer_config.json"), JSON.writeValueAsString(t.path("tokenizer_config")));
            ChatTemplate template = ChatTemplate.forCheckpoint(dir);
            assertFalse(template.isPlain(), t.path("name").asText());
            assertNull(template.note());
            for (JsonNode c : t.path("cases")) {
                List<ChatMessage> messages = new ArrayList<>();
                c.path("messages").forEach(m -> messages.add(new ChatMessage(m.path("role").asText(), m.path("content").asText())));
                String what = t.path("name").asText() + " " + messages;
                if (c.has("error")) {
                    TextModelException e = assertThrows(TextModelException.class, () -> template.render(messages), what);
                    assertEquals(400, e.status());
                    assertEquals("messages", e.param());
                    assertEquals("the model's chat template rejected the conversation: " + c.path("error").asText(),
                            e.getMessage());
                } else {
                    assertEquals(c.path("expected").asText(), template.render(messages), what);
                }
                cases++;
            }
        }
        assertEquals(9, cases);
    }

    @Test
    void checkpointWithoutTemplateUsesThePlainOne() throws Exception {
        ChatTemplate t = ChatTemplate.forCheckpoint(fixtures().resolve("gpt2-lmhead"));
        assertTrue(t.isPlain());
        assertNull(t.note());
        assertEquals("system: Be brief.\nuser: Add 2 and 4.\nassistant:",
                t.render(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Add 2 and 4."))));
        assertEquals(List.of("\nuser:", "\nsystem:"), t.stops());
        assertEquals("6", t.reply(" 6"));
    }

    @Test
    void eosTokenEndsTheReply() {
        ChatTemplate t = ChatTemplate.jinja("{{ messages[0]['content'] }}", Map.of("eos_token", "</s>"));
        assertEquals(List.of("</s>"), t.stops());
        assertEquals(" 6", t.reply(" 6"));
    }

    @Test
    void pythonStringMethodsAndHelpers() {
        String src = "{{ '  a b '.lstrip() }}|{{ 'x--'.rstrip('-') }}|{{ 'abc'.startswith(['z', 'a']) }}|"
                + "{{ 'Hi There'.lower() }}|{{ 'a,b'.split(',') | length }}|{{ messages[0].get('name', 'none') }}|"
                + "{% for k, v in messages[0].items() %}{{ k }}={{ v }};{% endfor %}|{{ strftime_now('%Y') | length }}";
        String out = ChatTemplate.jinja(src, Map.of()).render(List.of(ChatMessage.user("q")));
        assertEquals("a b |x|true|hi there|2|none|role=user;content=q;|4", out);
    }

    @Test
    void aTemplateJinjavaCannotRenderFallsBackWithANote(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tokenizer_config.json"),
                "{\"chat_template\": \"{{ messages[0]['content'].no_such_method() }}\", \"eos_token\": \"</s>\"}");
        ChatTemplate t = ChatTemplate.forCheckpoint(dir);
        assertTrue(t.isPlain());
        assertNotNull(t.note());
        assertTrue(t.note().contains("cannot be rendered"), t.note());
    }

    @Test
    void chatTemplateJinjaFileWins(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tokenizer_config.json"),
                "{\"chat_template\": \"config\", \"eos_token\": {\"content\": \"<|end|>\"}}");
        Files.writeString(dir.resolve("chat_template.jinja"), "{{ messages[0]['content'] }}{{ eos_token }}");
        ChatTemplate t = ChatTemplate.forCheckpoint(dir);
        assertEquals("hi<|end|>", t.render(List.of(ChatMessage.user("hi"))));
    }
}
