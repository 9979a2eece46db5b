package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.data.ChatSerialization;
import io.github.promptscope.data.ChatSerialization.Segment;
import io.github.promptscope.data.ChatSerialization.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions system's chats in {@link ChatSerialization}, the format PromptScope's models are
 * trained and asked in: a training file's conversations as loss segments, a question as a prompt.
 */
public final class FunctionChats {

    private FunctionChats() {}

    /** The messages as serialization turns, contents as given. */
    public static List<Turn> turns(List<ChatMessage> messages) {
        List<Turn> out = new ArrayList<>(messages.size());
        for (ChatMessage m : messages) {
            out.add(new Turn(m.role(), m.content()));
        }
        return out;
    }

    /** The prompt that asks for the reply to {@code messages}. */
    public static String prompt(List<ChatMessage> messages) {
        return ChatSerialization.prompt(turns(messages));
    }

    /**
     * A chat file's conversations ({@link ChatFiles}) cut into loss segments: every assistant turn
     * trained. A conversation without an assistant turn teaches nothing and is an error naming it.
     */
    public static List<List<Segment>> trainingExamples(Path file) throws IOException {
        List<List<ChatMessage>> chats = ChatFiles.read(file);
        List<List<Segment>> out = new ArrayList<>(chats.size());
        for (int i = 0; i < chats.size(); i++) {
            if (chats.get(i).stream().noneMatch(m -> m.role().equals("assistant"))) {
                throw new IllegalArgumentException(file + ": conversation " + (i + 1) + " has no assistant message to train on");
            }
            out.add(ChatSerialization.segments(turns(chats.get(i))));
        }
        return out;
    }
}
