package io.github.promptscope.ptuning;

import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The task's natural-language prompt as p + q token ids: the part before the query must encode to
 * exactly p tokens and the part between query and answer to exactly q (the reference asserts that its
 * template string encodes to p + q ids; the parts are checked one by one here because the slots
 * before and after the query are separate). Each part is encoded as the layout encodes text
 * ({@link TemplateLayout#encodePart}: after a word boundary), so the anchors are the tokens the model
 * would read for the prompt written out. The error lists the tokens so the user can adapt the string.
 */
final class HumanPrompt {

    private HumanPrompt() {}

    static long[] ids(TextTokenizer tokenizer, String before, String between, int p, int q) {
        long[] a = part(tokenizer, before, p, "before the query", "p");
        long[] b = part(tokenizer, between, q, "between the query and the answer", "q");
        long[] out = new long[p + q];
        System.arraycopy(a, 0, out, 0, p);
        System.arraycopy(b, 0, out, p, q);
        return out;
    }

    private static long[] part(TextTokenizer tokenizer, String text, int want, String where, String letter) {
        long[] ids = TemplateLayout.encodePart(tokenizer, text == null ? "" : text);
        if (ids.length != want) {
            List<String> pieces = new ArrayList<>();
            for (long id : ids) {
                pieces.add("\"" + tokenizer.piece(id) + "\"");
            }
            throw new IllegalArgumentException("--template " + letter + "=" + want + ": the prompt " + where + " \""
                    + text + "\" encodes to " + ids.length + " token" + (ids.length == 1 ? "" : "s") + " " + pieces
                    + " under this model's tokenizer, not " + want + "; change the prompt (--prompt) or the template");
        }
        return ids;
    }
}
