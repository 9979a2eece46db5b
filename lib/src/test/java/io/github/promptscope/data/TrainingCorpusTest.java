package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.util.Hashes;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrainingCorpusTest {

    /**
     * The shipped default model's corpus must not move when tasks or paraphrases are added for other
     * recipes: the first 300 documents of the default recipe, pinned by hash at the commit that added
     * the extended recipe (the default model was trained before it and reproduces from this corpus).
     */
    @Test
    void defaultCorpusIsUnchangedByTheExtendedRecipe() {
        TrainingCorpus.Documents d = new TrainingCorpus(TrainingCorpus.Spec.defaults().withDocuments(300)).build();
        assertEquals(300, d.train().size());
        assertEquals(PINNED_DEFAULT_300, Hashes.sha256(String.join("\u0000", d.train())));
    }

    @Test
    void extendedRecipeReadsEveryCollectionExceptTheHeldOutThreeNumberTasks() {
        TrainingCorpus.Spec spec = TrainingCorpus.Spec.extended();
        Set<String> expected = Datasets.list().stream().map(TaskInfo::name)
                .filter(n -> !n.endsWith("_three")).collect(Collectors.toSet());
        assertEquals(expected, Set.copyOf(spec.tasks()));
        TrainingCorpus corpus = new TrainingCorpus(spec.withDocuments(2000));
        for (String t : spec.tasks()) {
            List<String> descriptions = corpus.descriptions(t);
            assertTrue(descriptions.size() >= 4, t + " has " + descriptions.size() + " descriptions, want ground truth + 3");
        }
        List<String> docs = corpus.build().train();
        for (String t : TrainingCorpus.Spec.LANGUAGE_ADDITIONS) {
            String truth = corpus.descriptions(t).get(0).replaceAll("\\.$", "");
            assertTrue(docs.stream().anyMatch(doc -> doc.contains(truth)), t + ": its description is in no document");
        }
    }

    private static final String PINNED_DEFAULT_300 = "61482adb04a478685db2de016d47f0a6d0a9b6700cab648f5ddb8c54cfd92bc6";
}
