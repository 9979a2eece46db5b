package io.github.promptscope.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.data.ChatSerialization;
import io.github.promptscope.data.ChatSerialization.Turn;
import io.github.promptscope.lm.checkpoint.ChatTemplateFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat serialization's Jinja twin renders byte-identical prompts in ChatTemplate (serve, LocalTextModel) and Jinja2. */
class ChatSerializationTemplateTest {

    private static final String SYSTEM = "You are a superintelligent python interpreter. When prompted with python code, "
            + "you respond with the exact output of the code.";

    static List<List<ChatMessage>> conversations() {
        return List.of(
                List.of(ChatMessage.system(SYSTEM), ChatMessage.user("from functions import pyalvt, psvnji"),
                        ChatMessage.user("x = 12\n\nprint(psvnji(x))")),
                List.of(ChatMessage.user("Please map the input to the output."), ChatMessage.user("x = 37"),
                        ChatMessage.assistant("y = 40"), ChatMessage.user("x = -5"), ChatMessage.assistant("y = -2"),
                        ChatMessage.user("x = 8")),
                List.of(ChatMessage.user("{{ not jinja }} {% raw %} 'quotes' \"double\" \\n trailing newline\n\n"),
                        ChatMessage.user("Which option?\n\nA) lambda n: n + 5\nB) lambda n: n // 3\n\nPlease answer.")),
                List.of(ChatMessage.user("What function does pyalvt compute?"), ChatMessage.assistant(""),
                        ChatMessage.user("émoji ✓ and tabs\t")));
    }

    private static List<Turn> turns(List<ChatMessage> chat) {
        return chat.stream().map(m -> new Turn(m.role(), m.content())).toList();
    }

    @Test
    void chatTemplateRendersTheSerializationByteForByte() {
        ChatTemplate t = ChatTemplate.jinja(ChatSerialization.JINJA_TEMPLATE, Map.of("eos_token", ChatSerialization.END_OF_TURN));
        for (List<ChatMessage> chat : conversations()) {
            assertEquals(ChatSerialization.prompt(turns(chat)), t.render(chat));
        }
        assertEquals("<|system|>\n" + SYSTEM + "\n<|user|>\nfrom functions import pyalvt, psvnji\n<|user|>\n"
                + "x = 12\n\nprint(psvnji(x))\n<|assistant|>\n", t.render(conversations().get(0)));
        assertEquals(List.of(ChatSerialization.END_OF_TURN), t.stops());
    }

    @Test
    void aCheckpointWithTheInstalledTemplateRendersTheSameAndEndsRepliesAtEndOfText(@TempDir Path dir) throws Exception {
        Files.copy(io.github.promptscope.lm.DefaultModel.locate().resolve("tokenizer_config.json"), dir.resolve("tokenizer_config.json"));
        ChatTemplateFile.install(dir, ChatSerialization.JINJA_TEMPLATE, ChatSerialization.END_OF_TURN);
        ChatTemplate t = ChatTemplate.forCheckpoint(dir);
        assertFalse(t.isPlain(), String.valueOf(t.note()));
        for (List<ChatMessage> chat : conversations()) {
            assertEquals(ChatSerialization.prompt(turns(chat)), t.render(chat));
        }
        assertEquals(List.of("<|endoftext|>"), t.stops());
        // the other fields are kept
        assertEquals(256, new ObjectMapper().readTree(dir.resolve("tokenizer_config.json").toFile()).get("model_max_length").asInt());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChatTemplateFile.install(dir, ChatSerialization.JINJA_TEMPLATE, "</s>"));
        assertTrue(e.getMessage().contains("eos_token"), e.getMessage());
    }

    @Test
    void theShippedFunctionsBaseModelCarriesTheSerialization() {
        Path base = io.github.promptscope.lm.DefaultModel.locate().resolveSibling("functions-base");
        ChatTemplate t = ChatTemplate.forCheckpoint(base);
        assertEquals(ChatSerialization.JINJA_TEMPLATE, t.source());
        for (List<ChatMessage> chat : conversations()) {
            assertEquals(ChatSerialization.prompt(turns(chat)), t.render(chat));
        }
    }

    /** transformers renders with Jinja2 (trim_blocks, lstrip_blocks); so must our template. */
    @Test
    void jinja2RendersTheSameBytes(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(jinja2(), "python3 with jinja2 is not installed");
        List<Object> cases = new ArrayList<>();
        for (List<ChatMessage> chat : conversations()) {
            cases.add(chat.stream().map(m -> Map.of("role", m.role(), "content", m.content())).toList());
        }
        Path in = tmp.resolve("chats.json");
        Files.writeString(in, new ObjectMapper().writeValueAsString(Map.of("template", ChatSerialization.JINJA_TEMPLATE,
                "chats", cases)));
        String script = String.join("\n",
                "import json, sys",
                "from jinja2.sandbox import ImmutableSandboxedEnvironment",
                "d = json.load(open(sys.argv[1]))",
                "env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)",
                "t = env.from_string(d['template'])",
                "out = [t.render(messages=c, add_generation_prompt=True, eos_token='<|endoftext|>') for c in d['chats']]",
                "sys.stdout.write(json.dumps(out))");
        Path py = tmp.resolve("render.py");
        Files.writeString(py, script);
        Process p = new ProcessBuilder("python3", py.toString(), in.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<?> rendered = new ObjectMapper().readValue(out, List.class);
        for (int i = 0; i < conversations().size(); i++) {
            assertEquals(ChatSerialization.prompt(turns(conversations().get(i))), rendered.get(i), "conversation " + i);
        }
    }

    private static boolean jinja2() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import jinja2").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
