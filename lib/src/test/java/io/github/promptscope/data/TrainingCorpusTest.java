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
        Set<String> expected = Datasets.list().stream()
                .filter(t -> !t.collection().equals(CategoryTasks.COLLECTION)).map(TaskInfo::name)
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

    /** The voxels recipe is the extended one plus every category task, and the extended corpus stays as shipped. */
    @Test
    void voxelsRecipeAddsTheCategoryListsToTheExtendedTasks() {
        List<String> extended = TrainingCorpus.Spec.extended().tasks();
        List<String> voxels = TrainingCorpus.Spec.voxels().tasks();
        assertEquals(extended, voxels.subList(0, extended.size()));
        List<String> added = voxels.subList(extended.size(), voxels.size());
        assertEquals(22, added.size());
        assertTrue(added.stream().allMatch(t -> t.startsWith("category_")), added.toString());
        TrainingCorpus.Documents d = new TrainingCorpus(TrainingCorpus.Spec.extended().withDocuments(300)).build();
        assertEquals(PINNED_EXTENDED_300, Hashes.sha256(String.join("\u0000", d.train())));
        TrainingCorpus corpus = new TrainingCorpus(TrainingCorpus.Spec.voxels().withDocuments(3000));
        List<String> docs = corpus.build().train();
        for (String t : added) {
            String truth = corpus.descriptions(t).get(0).replaceAll("\\.$", "");
            assertTrue(docs.stream().anyMatch(doc -> doc.contains(truth)), t + ": its description is in no document");
        }
        // the fMRI preprefix where a search puts it: before a scored prompt, and after the proposer's "Prompt:"
        assertTrue(docs.stream().anyMatch(doc -> doc.startsWith(VoxelWords.PREPREFIX + " The words are ")));
        assertTrue(docs.stream().anyMatch(doc -> doc.contains("\n\nPrompt: " + VoxelWords.PREPREFIX.strip() + " ")));
        long withPreprefix = docs.stream().filter(doc -> doc.contains(VoxelWords.PREPREFIX.strip())).count();
        assertTrue(withPreprefix > 300 && withPreprefix < 700, withPreprefix + " of 3000 documents, want about a sixth");
    }

    /** models/extended's corpus (first 300 documents), pinned when the voxels recipe was added. */
    private static final String PINNED_EXTENDED_300 = "81dbbf563576af31982ec7551bc061368eaa9c33006fa29e84c14f015aa2c1b9";

    private static final String PINNED_DEFAULT_300 = "61482adb04a478685db2de016d47f0a6d0a9b6700cab648f5ddb8c54cfd92bc6";
}
