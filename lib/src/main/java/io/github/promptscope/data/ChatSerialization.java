package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way a chat becomes text for PromptScope's own models, in training and at inference (spec
 * A9): every turn is {@code <|role|>\n} and its content; a system or user turn ends with a newline,
 * an assistant turn with the end-of-text token, which ends the reply. A prompt is the conversation so
 * far and then {@code <|assistant|>\n}. Consecutive user turns stay separate turns.
 *
 * <pre>
 * &lt;|system|&gt;
 * You are a superintelligent python interpreter. ...
 * &lt;|user|&gt;
 * from functions import pyalvt
 * &lt;|user|&gt;
 * print(pyalvt(12))
 * &lt;|assistant|&gt;
 * 17&lt;|endoftext|&gt;
 * </pre>
 *
 * <p>The end marker is the models' own end-of-text token (one token, so generation stops at it and
 * the reply's probability ends with it). {@link #JINJA_TEMPLATE} writes the same bytes in Jinja, for
 * a checkpoint's {@code tokenizer_config.json}, so {@code transformers}, {@code serve} and
 * {@code LocalTextModel.chat} render exactly these prompts.
 */
public final class ChatSerialization {

    /** Ends every assistant turn: the end-of-text token of PromptScope's tokenizers. */
    public static final String END_OF_TURN = "<|endoftext|>";

    /** Opens the model's reply. */
    public static final String REPLY_OPENER = header("assistant");

    /**
     * The serialization in Jinja, rendered as {@code apply_chat_template(messages,
     * add_generation_prompt=True)} renders it ({@code eos_token} must be {@link #END_OF_TURN}).
     */
    public static final String JINJA_TEMPLATE = "{% for message in messages %}"
            + "{{ '<|' + message['role'] + '|>' }}{{ '\\n' }}{{ message['content'] }}"
            + "{% if message['role'] == 'assistant' %}{{ eos_token }}{% else %}{{ '\\n' }}{% endif %}"
            + "{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|assistant|>' }}{{ '\\n' }}{% endif %}";

    /** One turn: role "system", "user" or "assistant", and its text as given. */
    public record Turn(String role, String content) {
        public Turn {
            if (!role.equals("system") && !role.equals("user") && !role.equals("assistant")) {
                throw new IllegalArgumentException("chat role must be system, user or assistant, got '" + role + "'");
            }
        }
    }

    /** A piece of a serialized chat, and whether the model is trained to produce it. */
    public record Segment(String text, boolean trained) {}

    private ChatSerialization() {}

    /** The prompt that asks for the next assistant turn after {@code context}. */
    public static String prompt(List<Turn> context) {
        return text(context) + REPLY_OPENER;
    }

    /** A whole conversation as text (every assistant turn closed by {@link #END_OF_TURN}). */
    public static String text(List<Turn> chat) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments(chat)) {
            sb.append(s.text());
        }
        return sb.toString();
    }

    /**
     * A conversation cut where the loss changes: each assistant turn's content with its end marker is
     * a trained segment (all of them, so a three-turn Mixture-of-Functions chat trains all three
     * replies); everything else, the role headers included, is context.
     */
    public static List<Segment> segments(List<Turn> chat) {
        List<Segment> out = new ArrayList<>();
        StringBuilder context = new StringBuilder();
        for (Turn t : chat) {
            context.append(header(t.role()));
            if (t.role().equals("assistant")) {
                out.add(new Segment(context.toString(), false));
                context.setLength(0);
                out.add(new Segment(t.content() + END_OF_TURN, true));
            } else {
                context.append(t.content()).append('\n');
            }
        }
        if (context.length() > 0) {
            out.add(new Segment(context.toString(), false));
        }
        return out;
    }

    private static String header(String role) {
        return "<|" + role + "|>\n";
    }
}
