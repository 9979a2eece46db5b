package io.github.promptscope.neurons;

import io.github.promptscope.data.TrainingCorpus;
import io.github.promptscope.lm.LanguageModel;

import java.util.List;

/** The excerpts the neurons corpus tests draw from: 2,000 documents of the generated corpus (seed 1), cut for {@code model}. */
final class TestExcerpts {

    private TestExcerpts() {}

    static ConceptExcerpts of(LanguageModel model) {
        List<String> text = new TrainingCorpus(TrainingCorpus.Spec.defaults().withDocuments(2_000).withSeed(1)).build().train();
        return new ConceptExcerpts(model.tokenizer(), text, model.config().eosTokenId(), CollectorConfig.defaults().windowTokens());
    }
}
