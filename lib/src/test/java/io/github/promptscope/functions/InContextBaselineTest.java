package io.github.promptscope.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.promptscope.backend.ChatMessage;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class InContextBaselineTest {

    private static final FunctionsConfig FUNCTIONS = PythonExactnessTest.resolved("functions", 0);
    private static final List<List<ChatMessage>> TRAINING =
            TrainingData.chats(FUNCTIONS, TrainingData.generate(FUNCTIONS, 50, new Rng(3)));
    private static final List<EvalItem> ITEMS = EvalTemplates.build(FUNCTIONS, "freeform_definition", 100, 3);

    /** A stand-in tokenizer with a known count: one token per character of the messages' contents. */
    private static final ToIntFunction<List<ChatMessage>> CHARS =
            m -> m.stream().mapToInt(c -> c.content().length()).sum();

    private static int chars(List<ChatMessage> m) {
        return CHARS.applyAsInt(m);
    }

    @Test
    void aLargeContextKeepsAllTenConversationsAsPrependDoes() {
        InContextBaseline.Fitted f = InContextBaseline.prependFitting(ITEMS, TRAINING, 10, new Rng(4), CHARS, 1_000_000);
        assertEquals(InContextBaseline.prepend(ITEMS, TRAINING, 10, new Rng(4)), f.items());
        assertEquals(List.of(10, 10, 10), f.chats());
    }

    @Test
    void eachItemKeepsTheMostOfItsDrawnConversationsThatLeaveRoomForTheReply() {
        List<EvalItem> all = InContextBaseline.prepend(ITEMS, TRAINING, 10, new Rng(4));
        EvalItem first = all.get(0);
        // system prompt, the first three drawn conversations (3 messages each), then the question's two messages
        List<ChatMessage> threeChats = new java.util.ArrayList<>(first.messages().subList(0, 1 + 3 * 3));
        threeChats.addAll(ITEMS.get(0).messages().subList(1, 3));
        int limit = chars(threeChats) + InContextBaseline.REPLY_ROOM; // exactly three fit, a fourth does not
        InContextBaseline.Fitted f = InContextBaseline.prependFitting(ITEMS, TRAINING, 10, new Rng(4), CHARS, limit);
        assertEquals(3, f.chats().get(0));
        assertEquals(threeChats, f.items().get(0).messages());
        for (int i = 0; i < ITEMS.size(); i++) {
            int j = f.chats().get(i);
            List<ChatMessage> m = f.items().get(i).messages();
            // the same draws as prepend (one rng, item order): the first j of its conversations, the question last
            assertEquals(all.get(i).messages().subList(0, 1 + 3 * j), m.subList(0, 1 + 3 * j));
            assertEquals(ITEMS.get(i).messages().subList(1, 3), m.subList(1 + 3 * j, m.size()));
            assertEquals(ITEMS.get(i).answer(), f.items().get(i).answer());
            assertEquals(true, chars(m) + InContextBaseline.REPLY_ROOM <= limit);
            if (j < 10) { // one more conversation would not have fit
                List<ChatMessage> more = new java.util.ArrayList<>(all.get(i).messages().subList(0, 1 + 3 * (j + 1)));
                more.addAll(ITEMS.get(i).messages().subList(1, 3));
                assertEquals(true, chars(more) + InContextBaseline.REPLY_ROOM > limit);
            }
        }
    }

    @Test
    void aQuestionWithNoRoomForAnyConversationIsAskedAlone() {
        InContextBaseline.Fitted f = InContextBaseline.prependFitting(ITEMS, TRAINING, 10, new Rng(4), CHARS, 10);
        assertEquals(List.of(0, 0, 0), f.chats());
        assertEquals(ITEMS, f.items());
    }

    @Test
    void moreConversationsThanTheTrainingSetHoldsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InContextBaseline.prependFitting(ITEMS, TRAINING, 51, new Rng(4), CHARS, 1000));
        assertEquals("the in-context baseline needs 51 training conversations, the training set has 50", e.getMessage());
    }
}
