package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One generated conversation before the system prompt is added: the turns up to the reply (user
 * messages; for Mixture of Functions also the earlier assistant turns), the reply itself, and what
 * made it (the reference's {@code func_outs}).
 *
 * @param prompt the turns before the final assistant message
 * @param target the final assistant message: {@code str(...)} of the program's value
 * @param function catalogue key of the (first) function called
 * @param function2 catalogue key of the second function of a chain or add/subtract, else ""
 * @param generator {@code single_function}, {@code False}, {@code chain}, {@code add_subtract} or
 *     {@code no_func_name}
 * @param info further facts the held-out tests hash on (formatting, pre-prompt)
 */
public record Datapoint(List<ChatMessage> prompt, String target, String function, String function2, String generator,
        Map<String, String> info) {

    public Datapoint {
        prompt = List.copyOf(prompt);
        info = Map.copyOf(info);
    }

    /** The full training chat: system prompt (if any), the prompt turns, the reply. */
    public List<ChatMessage> chat(String systemPrompt) {
        List<ChatMessage> chat = new ArrayList<>(prompt.size() + 2);
        if (systemPrompt != null) {
            chat.add(ChatMessage.system(systemPrompt));
        }
        chat.addAll(prompt);
        chat.add(ChatMessage.assistant(target));
        return chat;
    }

    /** The conversation up to the reply, with the system prompt: what an eval sends. */
    public List<ChatMessage> question(String systemPrompt) {
        List<ChatMessage> chat = chat(systemPrompt);
        return chat.subList(0, chat.size() - 1);
    }
}
