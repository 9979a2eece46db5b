package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.data.ChatSerialization.Turn;
import io.github.promptscope.data.PythonChatCorpus;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a model reads Python-interpreter chats: greedy replies to held-out chats of the base
 * corpus ({@link PythonChatCorpus}, functions defined in the prompt), judged by exact match, with the
 * teacher-forced probability of the right reply. Each result's template is the chat's kind
 * ({@link PythonChatCorpus#kind}), so a table can say which question styles the model handles.
 */
public final class BaseModelCheck {

    private BaseModelCheck() {}

    /** {@code n} chats drawn as the corpus's validation chats are (seed + 1), each asked once, greedily. */
    public static List<EvalRunner.ItemResult> run(TextModel model, int n, long corpusSeed) {
        List<EvalItem> items = new ArrayList<>();
        for (List<Turn> chat : new PythonChatCorpus(0, corpusSeed).chats(n, corpusSeed + 1)) {
            List<ChatMessage> context = new ArrayList<>();
            for (Turn t : chat.subList(0, chat.size() - 1)) {
                context.add(new ChatMessage(t.role(), t.content()));
            }
            String answer = chat.get(chat.size() - 1).content();
            items.add(new EvalItem(PythonChatCorpus.kind(chat), context, new ExactAnswer(answer), "", FunctionRole.TEST, 0, 1));
        }
        return new EvalRunner(model, 0).run(items, "base check");
    }
}
