package io.github.promptscope.lm.tokenizer;

import io.github.promptscope.lm.checkpoint.CheckpointException;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Text to token ids and back, through DJL's binding of Hugging Face {@code tokenizers}.
 *
 * <p>DJL's defaults are wrong for research use: it silently truncates to 512 tokens and pads
 * batches. Both are switched off here, and no special tokens are added unless a caller asks, so
 * the ids are exactly {@code tokenizer(text, add_special_tokens=False).input_ids} in Python.
 */
public final class TextTokenizer implements AutoCloseable {

    private final Path file;
    private final HuggingFaceTokenizer tokenizer;
    private final int vocabSize;
    private String[] pieces;

    private TextTokenizer(Path file, HuggingFaceTokenizer tokenizer, int vocabSize) {
        this.file = file;
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
    }

    /** Loads {@code dir/tokenizer.json}. */
    public static TextTokenizer load(Path dir) {
        Path file = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "missing; PromptScope reads the fast-tokenizer file tokenizer.json");
        }
        int vocab = vocabSizeOf(file);
        try {
            HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(
                    file,
                    Map.of(
                            "addSpecialTokens", "false",
                            "truncation", "false",
                            "padding", "false",
                            "modelMaxLength", String.valueOf(Integer.MAX_VALUE)));
            return new TextTokenizer(file, tok, vocab);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file, "cannot load tokenizer: " + e.getMessage(), e);
        }
    }

    /** One past the largest id in the vocabulary or the added tokens. */
    private static int vocabSizeOf(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            long max = -1;
            JsonNode vocab = root.path("model").path("vocab");
            if (vocab.isObject()) {
                for (Iterator<JsonNode> it = vocab.elements(); it.hasNext(); ) {
                    max = Math.max(max, it.next().asLong());
                }
            } else if (vocab.isArray()) { // Unigram: a list of [piece, score]
                max = vocab.size() - 1;
            }
            for (JsonNode added : root.path("added_tokens")) {
                max = Math.max(max, added.path("id").asLong());
            }
            if (max < 0) {
                throw new CheckpointException(file, "field 'model.vocab' is missing or empty");
            }
            if (max >= Integer.MAX_VALUE) { // one past it would not be an int (it was Integer.MIN_VALUE)
                throw new CheckpointException(file, "token id " + max + " is too large; ids must be below "
                        + Integer.MAX_VALUE);
            }
            return (int) max + 1;
        } catch (IOException e) {
            throw new CheckpointException(file, "not valid JSON: " + e.getMessage(), e);
        }
    }

    public long[] encode(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    /** Encodes with the tokenizer's own special tokens (BOS for Llama), as {@code add_special_tokens=True}. */
    public long[] encodeWithSpecialTokens(String text) {
        return tokenizer.encode(text, true, false).getIds();
    }

    public String decode(long[] ids) {
        return tokenizer.decode(ids, false);
    }

    /** The text of one token on its own (a byte-fallback piece may decode to U+FFFD). */
    public String piece(long id) {
        return tokenizer.decode(new long[] {id}, false);
    }

    /**
     * The vocabulary's own string for {@code id}, as transformers' convert_ids_to_tokens gives it
     * ("Ġcat" for byte-level BPE, "▁猫" for sentencepiece), or null for an id the file does not name.
     * Read from tokenizer.json on first use.
     */
    public synchronized String vocabularyPiece(long id) {
        if (pieces == null) {
            pieces = piecesOf(file, vocabSize);
        }
        return id >= 0 && id < pieces.length ? pieces[(int) id] : null;
    }

    private static String[] piecesOf(Path file, int size) {
        String[] out = new String[size];
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode vocab = root.path("model").path("vocab");
            if (vocab.isObject()) {
                vocab.fields().forEachRemaining(e -> out[e.getValue().asInt()] = e.getKey());
            } else if (vocab.isArray()) {
                for (int i = 0; i < vocab.size(); i++) {
                    out[i] = vocab.get(i).get(0).asText();
                }
            }
            for (JsonNode added : root.path("added_tokens")) {
                out[added.path("id").asInt()] = added.path("content").asText();
            }
            return out;
        } catch (IOException e) {
            throw new CheckpointException(file, "not valid JSON: " + e.getMessage(), e);
        }
    }

    public int vocabSize() {
        return vocabSize;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
