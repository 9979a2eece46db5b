package io.github.promptscope.search;

import io.github.promptscope.backend.CompletionRequest;
import io.github.promptscope.backend.GeneratedText;
import io.github.promptscope.backend.Sampling;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * iPrompt's proposals drawn from a {@link TextModel} (the reference's {@code llm_api}) instead of the
 * local runtime. With token ids, the contexts go out as the scoring model's token ids and the whole
 * step is one batch request ({@link TextModel#completeBatch}) that carries every setting of the
 * local generation (top-k, repetition penalty, banned newlines, exactly N tokens, the seed), so
 * {@code serve} of the same checkpoint returns the very tokens the local proposer would. With
 * text, any completions endpoint will do: each context goes out as text with its own seed, and the
 * answer is tokenized here (token ids are taken when the endpoint returns them).
 */
final class TextModelProposer {

    private final TextModel model;
    private final boolean tokenIds;

    TextModelProposer(TextModel model, boolean tokenIds) {
        this.model = model;
        this.tokenIds = tokenIds;
    }

    String name() {
        return model.name();
    }

    String input() {
        return tokenIds ? "token ids" : "text";
    }

    /** The new tokens after each prompt, generated with {@code g}'s settings. */
    List<long[]> generate(List<long[]> prompts, GenerationConfig g, TextTokenizer tok) {
        Sampling s = new Sampling(g.maxNewTokens(), g.temperature(), g.topP(), g.topK(), g.stopStrings(), g.seed(),
                g.repetitionPenalty(), g.minNewTokens(), !g.stopAtEos(), g.bannedTexts());
        List<GeneratedText> answers = new ArrayList<>();
        if (tokenIds) {
            List<CompletionRequest> requests = new ArrayList<>();
            for (long[] p : prompts) {
                requests.add(CompletionRequest.ofTokens(p, tok.decode(p), s));
            }
            model.completeBatch(requests).forEach(choices -> answers.add(choices.get(0)));
        } else {
            for (int i = 0; i < prompts.size(); i++) {
                Sampling own = new Sampling(s.maxTokens(), s.temperature(), s.topP(), s.topK(), s.stop(), g.seed() + i,
                        s.repetitionPenalty(), s.minTokens(), s.ignoreEos(), s.badWords());
                CompletionRequest r = CompletionRequest.of(tok.decode(prompts.get(i)), own).withReturnTokenIds(true);
                answers.add(model.complete(r).get(0));
            }
        }
        List<long[]> out = new ArrayList<>();
        for (GeneratedText a : answers) {
            out.add(a.tokenIds() != null ? a.tokenIds() : tok.encode(a.text()));
        }
        return out;
    }
}
