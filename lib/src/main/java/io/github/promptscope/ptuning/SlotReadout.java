package io.github.promptscope.ptuning;

import java.util.List;

/**
 * One prompt vector read through the vocabulary: its nearest input embeddings.
 *
 * @param slot 0 .. p-1 before the query, p .. p+q-1 between query and answer
 * @param initId the anchor token this slot started from (new design, hard prompt), -1 for the original encoder
 * @param l2 the k nearest tokens by L2 distance, closest first
 * @param cosine the k most similar tokens by cosine over the hidden dimension, most similar first
 * @param cosineToInit the vector's cosine to its anchor's embedding (NaN without an anchor)
 */
public record SlotReadout(int slot, long initId, List<Token> l2, List<Token> cosine, double cosineToInit) {

    /**
     * @param id token id
     * @param decoded the token decoded as text (tokenizer.decode)
     * @param piece the raw vocabulary piece (e.g. "Ġcat" for a byte-level BPE), like convert_ids_to_tokens
     */
    public record Token(long id, String decoded, String piece) {}

    /** Whether the nearest token by L2 is still the anchor token. */
    public boolean nearestIsInit() {
        return initId >= 0 && !l2.isEmpty() && l2.get(0).id() == initId;
    }
}
