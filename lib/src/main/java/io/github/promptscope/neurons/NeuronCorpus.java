package io.github.promptscope.neurons;

import io.github.promptscope.data.TrainingCorpus;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where excerpts come from: the project's generated corpus by default, or the user's text files. */
public final class NeuronCorpus {

    private NeuronCorpus() {}

    /**
     * {@code documents} documents of the default model's training corpus (spec default-model.md),
     * generated with its seed: the text the shipped model knows.
     */
    public static List<String> generated(int documents) {
        return new TrainingCorpus(TrainingCorpus.Spec.defaults().withDocuments(documents)).build().train();
    }

    /** Each file one document, read as UTF-8 and used as given. */
    public static List<String> files(List<Path> files) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IOException(f + ": no such text file");
            }
            try {
                out.add(Files.readString(f));
            } catch (CharacterCodingException e) {
                throw new IOException(f + ": not UTF-8 text", e);
            }
        }
        return out;
    }
}
