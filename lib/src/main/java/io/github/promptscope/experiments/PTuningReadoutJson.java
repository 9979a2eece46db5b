package io.github.promptscope.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.ptuning.SlotReadout;
import java.util.List;

/**
 * A nearest-token readout as JSON, the same in {@code ptuning eval}'s {@code eval-test.json} and the
 * experiment's readout files: per slot its initial token id (-1 for the original encoder), the top-k
 * tokens by L2 and by cosine (id, decoded text, raw piece) and the cosine to the initial embedding
 * (null when there is none; JSON has no NaN).
 */
public final class PTuningReadoutJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PTuningReadoutJson() {}

    public static ArrayNode slots(List<SlotReadout> slots) {
        ArrayNode out = JSON.createArrayNode();
        for (SlotReadout s : slots) {
            ObjectNode o = out.addObject();
            o.put("slot", s.slot());
            o.put("init_id", s.initId());
            tokens(o.putArray("l2"), s.l2());
            tokens(o.putArray("cosine"), s.cosine());
            putMaybeNaN(o, "cosine_to_init", s.cosineToInit());
        }
        return out;
    }

    private static void tokens(ArrayNode into, List<SlotReadout.Token> tokens) {
        for (SlotReadout.Token t : tokens) {
            into.addObject().put("id", t.id()).put("decoded", t.decoded()).put("piece", t.piece());
        }
    }

    /** {@code v}, or null for NaN. */
    public static void putMaybeNaN(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }
}
