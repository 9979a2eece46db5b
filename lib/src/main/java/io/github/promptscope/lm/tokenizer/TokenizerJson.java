package io.github.promptscope.lm.tokenizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The two files Hugging Face reads, laid out as {@code tokenizers} and {@code transformers} write
 * them for GPT-2, except for the pre-tokenizer (see {@link PreTokenizerPattern}).
 */
public final class TokenizerJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Two-space indent and "\n" on every platform: the default indenter uses the OS line separator. */
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private TokenizerJson() {}

    /** {@code tokenizer.json}: tokens by id (the last one special), merges by rank. */
    static String tokenizer(List<String> tokens, List<String> merges, String special) {
        ObjectNode root = NODES.objectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens").add(addedToken(tokens.size(), special));
        root.putNull("normalizer");
        // Split then ByteLevel without its own regex: how Llama 3's tokenizer.json combines a
        // custom pattern with byte-level mapping.
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "Sequence");
        ArrayNode steps = pre.putArray("pretokenizers");
        ObjectNode split = steps.addObject();
        split.put("type", "Split");
        split.putObject("pattern").put("Regex", PreTokenizerPattern.REGEX);
        split.put("behavior", "Isolated");
        split.put("invert", false);
        steps.add(byteLevel(true, false));
        root.set("post_processor", byteLevel(false, false));
        root.set("decoder", byteLevel(true, false));

        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        ObjectNode vocab = model.putObject("vocab");
        for (int id = 0; id < tokens.size(); id++) {
            vocab.put(tokens.get(id), id);
        }
        vocab.put(special, tokens.size());
        ArrayNode ms = model.putArray("merges");
        merges.forEach(ms::add);
        return write(root);
    }

    /**
     * {@code tokenizer_config.json}: only what does not depend on the vocabulary, so
     * {@code AutoTokenizer} picks the fast tokenizer and knows the special token and length.
     */
    static String tokenizerConfig(String special, int modelMaxLength) {
        ObjectNode root = NODES.objectNode();
        root.put("tokenizer_class", "PreTrainedTokenizerFast");
        root.put("bos_token", special);
        root.put("eos_token", special);
        root.put("unk_token", special);
        root.put("model_max_length", modelMaxLength);
        // transformers would otherwise rewrite " ." to "." when decoding, breaking round trips.
        root.put("clean_up_tokenization_spaces", false);
        return write(root);
    }

    private static ObjectNode addedToken(int id, String content) {
        ObjectNode t = NODES.objectNode();
        t.put("id", id);
        t.put("content", content);
        t.put("single_word", false);
        t.put("lstrip", false);
        t.put("rstrip", false);
        t.put("normalized", true);
        t.put("special", true);
        return t;
    }

    /** trimOffsets only moves reported character offsets off spaces; ids are the same either way. */
    private static ObjectNode byteLevel(boolean trimOffsets, boolean useRegex) {
        ObjectNode n = NODES.objectNode();
        n.put("type", "ByteLevel");
        n.put("add_prefix_space", false);
        n.put("trim_offsets", trimOffsets);
        n.put("use_regex", useRegex);
        return n;
    }

    private static String write(ObjectNode root) {
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
