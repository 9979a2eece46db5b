package io.github.promptscope.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jinjava.javax.el.CompositeELResolver;

/**
 * How a conversation becomes a prompt for a local model, as Hugging Face's
 * {@code apply_chat_template(messages, tokenize=False, add_generation_prompt=True)} makes it.
 *
 * <p>A checkpoint's own Jinja template ({@code chat_template.jinja}, else {@code chat_template} in
 * {@code tokenizer_config.json}, a string or the entry named "default" of a list) is rendered with
 * Jinjava, with {@code trim_blocks} and {@code lstrip_blocks} as transformers sets them, and the
 * variables transformers provides: {@code messages} (a list of {role, content}),
 * {@code add_generation_prompt = true}, the special tokens of {@code tokenizer_config.json}
 * ({@code bos_token}, {@code eos_token}, {@code unk_token}, {@code pad_token}, ... given as strings
 * or as {"content": ...} objects; a token the config leaves out is undefined), and the helpers
 * {@code raise_exception(msg)} and {@code strftime_now(fmt)}. The reply ends at end-of-sequence or
 * at the {@code eos_token} text.
 *
 * <p>Without a template, or when Jinjava cannot render it (then {@link #note()} says why), the
 * plain template: {@code "role: content\n"} per message and then {@code "assistant:"}, with the next
 * {@code "\nuser:"} or {@code "\nsystem:"} as stop strings, the reply's leading whitespace dropped.
 */
public final class ChatTemplate {

    private static final List<String> PLAIN_STOPS = List.of("\nuser:", "\nsystem:");
    private static final List<String> TOKEN_NAMES = List.of("bos_token", "eos_token", "unk_token", "sep_token",
            "pad_token", "cls_token", "mask_token");

    private final String source;
    private final Map<String, String> tokens;
    private final Jinjava jinja;
    private final String note;

    private ChatTemplate(String source, Map<String, String> tokens, String note) {
        this.source = source;
        this.tokens = tokens;
        this.note = note;
        this.jinja = source == null ? null : engine();
    }

    /** The plain template with nothing to note. */
    public static ChatTemplate plain() {
        return new ChatTemplate(null, Map.of(), null);
    }

    /** A Jinja template with the given special tokens (name to text, such as "eos_token" to "</s>"). */
    public static ChatTemplate jinja(String source, Map<String, String> specialTokens) {
        return new ChatTemplate(source, Map.copyOf(specialTokens), null);
    }

    /** The template of a checkpoint folder: its own when it has one Jinjava renders, else the plain one. */
    public static ChatTemplate forCheckpoint(Path dir) {
        Path config = dir.resolve("tokenizer_config.json");
        Path file = dir.resolve("chat_template.jinja");
        JsonNode json = null;
        String where;
        try {
            if (Files.isRegularFile(config)) {
                json = new ObjectMapper().readTree(config.toFile());
            }
            String source;
            if (Files.isRegularFile(file)) {
                source = Files.readString(file, StandardCharsets.UTF_8);
                where = file.toString();
            } else {
                source = json == null ? null : templateOf(json.path("chat_template"));
                where = config + "'s chat_template";
            }
            if (source == null) {
                return plain();
            }
            ChatTemplate t = new ChatTemplate(source, json == null ? Map.of() : tokensOf(json), null);
            String failure = t.trial();
            return failure == null ? t
                    : new ChatTemplate(null, Map.of(), where + " cannot be rendered (" + failure
                            + "); chat uses the plain template (\"role: content\\n\" per message, then \"assistant:\")");
        } catch (IOException e) {
            // A broken tokenizer_config.json does not stop chat; the plain template needs nothing from it.
            return new ChatTemplate(null, Map.of(), config + " is not readable (" + e.getMessage()
                    + "); chat uses the plain template");
        }
    }

    private static String templateOf(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            for (JsonNode named : node) {
                if ("default".equals(named.path("name").asText()) && named.path("template").isTextual()) {
                    return named.path("template").asText();
                }
            }
        }
        return null;
    }

    private static Map<String, String> tokensOf(JsonNode config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : TOKEN_NAMES) {
            JsonNode t = config.path(name);
            if (t.isTextual()) {
                out.put(name, t.asText());
            } else if (t.path("content").isTextual()) {
                out.put(name, t.path("content").asText());
            }
        }
        return out;
    }

    private static Jinjava engine() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new JinjaPython());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_WRITE);
        // Without nested interpretation off, Jinjava renders template syntax inside a message's content
        // ("{% raw %}" typed by a user fails the request); Jinja2 prints it as text.
        Jinjava j = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true)
                .withNestedInterpretationEnabled(false).withElResolver(resolver).build());
        j.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception", JinjaPython.class,
                "raiseException", String.class));
        j.getGlobalContext().registerFunction(new ELFunctionDefinition("", "strftime_now", JinjaPython.class,
                "strftimeNow", String.class));
        return j;
    }

    /** Why a one-message conversation does not render, or null when it does (or the template rejects it). */
    private String trial() {
        try {
            render(List.of(ChatMessage.user("Hello")));
            return null;
        } catch (TextModelException e) {
            return e.getCause() instanceof JinjaPython.Raised ? null : e.getMessage();
        }
    }

    /**
     * The prompt for a conversation. A template that rejects it ({@code raise_exception}) or fails to
     * render gives a {@link TextModelException} (HTTP 400 in {@code serve}) with the template's message.
     */
    public String render(List<ChatMessage> messages) {
        if (jinja == null) {
            StringBuilder sb = new StringBuilder();
            for (ChatMessage m : messages) {
                sb.append(m.role()).append(": ").append(m.content()).append('\n');
            }
            return sb.append("assistant:").toString();
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (ChatMessage m : messages) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("role", m.role());
            one.put("content", m.content());
            list.add(one);
        }
        Map<String, Object> vars = new LinkedHashMap<>(tokens);
        vars.put("messages", list);
        vars.put("add_generation_prompt", true);
        RenderResult r;
        try {
            r = jinja.renderForResult(source, vars);
        } catch (RuntimeException e) {
            throw failed(List.of(e.getMessage()), raised(e));
        }
        List<String> fatal = new ArrayList<>();
        for (TemplateError e : r.getErrors()) {
            JinjaPython.Raised raised = raised(e.getException());
            if (raised != null) {
                throw failed(List.of(), raised);
            }
            if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
                fatal.add(e.getMessage() + (e.getFieldName() == null ? "" : " in " + e.getFieldName()));
            }
        }
        if (!fatal.isEmpty()) {
            throw failed(fatal, null);
        }
        return r.getOutput();
    }

    private static JinjaPython.Raised raised(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JinjaPython.Raised r) {
                return r;
            }
        }
        return null;
    }

    private static TextModelException failed(List<String> messages, JinjaPython.Raised raised) {
        String message = raised != null ? "the model's chat template rejected the conversation: " + raised.getMessage()
                : "the model's chat template failed to render: " + messages.stream().collect(Collectors.joining("; "));
        return new TextModelException(message, 400, "messages", raised);
    }

    /** Stop strings that end the assistant's turn: the plain template's next turn, or the eos_token text. */
    public List<String> stops() {
        if (jinja == null) {
            return PLAIN_STOPS;
        }
        String eos = tokens.get("eos_token");
        return eos == null || eos.isEmpty() ? List.of() : List.of(eos);
    }

    /** The reply as the chat returns it: the plain template's leading whitespace dropped, else unchanged. */
    public String reply(String generated) {
        return jinja == null ? generated.stripLeading() : generated;
    }

    /** True for the plain template. */
    public boolean isPlain() {
        return jinja == null;
    }

    /** The Jinja source, or null for the plain template. */
    public String source() {
        return source;
    }

    /** Why the checkpoint's own template is not used when it has one, or null. */
    public String note() {
        return note;
    }
}
