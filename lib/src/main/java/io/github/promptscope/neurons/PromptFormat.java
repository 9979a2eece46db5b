package io.github.promptscope.neurons;

/** How a prompt's messages reach a model (OpenAI's prompt_builder.PromptFormat). */
public enum PromptFormat {
    /** The messages' contents concatenated: for a base language model. */
    NONE,
    /** The same, with {@code <|endofprompt|>} after the last user message (OpenAI's instruction-following models). */
    INSTRUCTION_FOLLOWING,
    /** The messages as chat turns (OpenAI's HARMONY_V4), for a chat model or a chat template. */
    CHAT
}
