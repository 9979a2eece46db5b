package io.github.promptscope.neurons;

import io.github.promptscope.data.TrainingCorpus;
import io.github.promptscope.lm.DefaultModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.tokenizer.TextTokenizer;

import java.nio.file.Path;

import java.util.List;

/** The excerpts the neurons corpus tests draw from: 2,000 documents of the generated corpus (seed 1), cut for {@code model}. */
final class TestExcerpts {

    private TestExcerpts() {}

    static ConceptExcerpts of(LanguageModel model) {
        return of(model.tokenizer(), model.config().eosTokenId());
    }

    /** The excerpts cut by models/neurons's tokenizer, read without loading its weights (the tokenizer stays open for the test's run). */
    static ConceptExcerpts ofNeuronsModel() {
        Path dir = DefaultModel.locate().resolveSibling("neurons");
        return of(TextTokenizer.load(dir), ModelConfig.read(dir).eosTokenId());
    }

    private static ConceptExcerpts of(TextTokenizer tokenizer, long endOfText) {
        List<String> text = new TrainingCorpus(TrainingCorpus.Spec.defaults().withDocuments(2_000).withSeed(1)).build().train();
        return new ConceptExcerpts(tokenizer, text, endOfText, CollectorConfig.defaults().windowTokens());
    }
}
