package io.github.promptscope.lm.tokenizer;

import io.github.promptscope.util.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A byte-level BPE tokenizer made by {@link TokenizerBuilder}, ready to be written as Hugging
 * Face files. Ids: 0..255 are the bytes 0..255, then one id per merged token in the order the
 * merges made them, then {@link #SPECIAL} as the last id.
 */
public final class ByteLevelTokenizer {

    /** Beginning and end of text, as in GPT-2; also the unknown token, which byte-level BPE never emits. */
    public static final String SPECIAL = "<|endoftext|>";

    private final List<String> tokens;
    private final List<String> merges;
    private final int modelMaxLength;

    ByteLevelTokenizer(List<String> tokens, List<String> merges, int modelMaxLength) {
        this.tokens = List.copyOf(tokens);
        this.merges = List.copyOf(merges);
        this.modelMaxLength = modelMaxLength;
    }

    /** Bytes, merged tokens and the special token. */
    public int vocabSize() {
        return tokens.size() + 1;
    }

    public int specialTokenId() {
        return tokens.size();
    }

    /** Can exceed the number of merged tokens: two merges may spell the same token ("ab"+"c", "a"+"bc"). */
    public int mergeCount() {
        return merges.size();
    }

    public String tokenizerJson() {
        return TokenizerJson.tokenizer(tokens, merges, SPECIAL);
    }

    public String tokenizerConfigJson() {
        return TokenizerJson.tokenizerConfig(SPECIAL, modelMaxLength);
    }

    /**
     * Writes {@code tokenizer.json} and {@code tokenizer_config.json} into {@code dir}, creating it.
     * Each file goes to a temporary name first and is then renamed, so a reader never sees half a
     * file.
     */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve("tokenizer.json"), tokenizerJson());
            AtomicFiles.writeString(dir.resolve("tokenizer_config.json"), tokenizerConfigJson());
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write tokenizer files: " + e.getMessage(), e);
        }
    }
}
