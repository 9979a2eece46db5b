package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.lm.DefaultModel;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CHAT prompts fitted to a context as the chat template renders them. */
class ChatExplanationFitTest {

    /** Characters of the messages' contents: the NONE format's text is their concatenation, so its length. */
    private static int contentChars(List<ChatMessage> messages) {
        return messages.stream().mapToInt(m -> m.content().length()).sum();
    }

    @Test
    void chatPromptsTakeTheShapesTextPromptsTakeWhenCountedAlike() {
        List<ActivationRecord> excerpts = ExplanationFitTest.excerpts();
        for (PromptStyle style : List.of(PromptStyle.ORIGINAL, PromptStyle.SUMMARY)) {
            int whole = ExplanationPrompts.explanation(style, excerpts, 1.0, FewShotExamples.original(), PromptFormat.NONE)
                    .text().length();
            for (int budget : new int[] {whole, whole - 1, 1500, 900, 400, 250}) {
                ExplanationFit.Fitted text = new ExplanationFit(style, excerpts, 1.0, FewShotExamples.original(),
                        PromptFormat.NONE).fit(String::length, budget);
                ExplanationFit.Fitted chat = new ExplanationFit(style, excerpts, 1.0, FewShotExamples.original(),
                        PromptFormat.CHAT).fitChat(ChatExplanationFitTest::contentChars, budget);
                assertEquals(text.shape(), chat.shape(), style + " in " + budget);
                assertEquals(text.promptTokens(), chat.promptTokens(), style + " in " + budget);
                assertTrue(chat.promptTokens() <= budget);
                assertEquals(PromptFormat.CHAT, chat.prompt().format());
            }
        }
    }

    @Test
    void textAndChatCountersAreNotMixedUp() {
        List<ActivationRecord> excerpts = ExplanationFitTest.excerpts();
        ExplanationFit chat = new ExplanationFit(PromptStyle.SUMMARY, excerpts, 1.0, FewShotExamples.original(), PromptFormat.CHAT);
        ExplanationFit text = new ExplanationFit(PromptStyle.SUMMARY, excerpts, 1.0, FewShotExamples.original(), PromptFormat.NONE);
        assertThrows(IllegalStateException.class, () -> chat.fit(String::length, 1000));
        assertThrows(IllegalStateException.class, () -> text.fitChat(ChatExplanationFitTest::contentChars, 1000));
    }

    @Test
    void aLocalChatExplainerSendsWhatFitsItsContextAsTheTemplateRendersIt() {
        try (LocalTextModel m = LocalTextModel.load(DefaultModel.locate())) {
            ExplainerRun run = new LmExplainer(m, ExplainerConfig.defaults(PromptStyle.SUMMARY).withFormat(PromptFormat.CHAT)
                    .withSeed(3)).run(ExplanationFitTest.excerpts(), 1.0);
            int rendered = m.chatPromptTokens(run.prompt().prompt().chat()).getAsInt();
            assertTrue(rendered <= m.maxPositions() - ExplainerConfig.DEFAULT_MAX_TOKENS, rendered + " tokens sent");
            assertEquals(rendered, run.promptTokens(), "the chat call counts what the template rendered");
            assertEquals(rendered, run.prompt().promptTokens());
            assertTrue(run.wholePromptTokens() > rendered, "the whole prompt does not fit: " + run.wholePromptTokens());
            assertNotEquals(new ExplanationFit.Shape(3, 0, true, 5, 0), run.prompt().shape());
        }
    }
}
