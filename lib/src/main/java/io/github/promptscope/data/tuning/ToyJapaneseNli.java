package io.github.promptscope.data.tuning;

import java.util.List;
import java.util.Random;

/**
 * toy-ja: toy-nli in Japanese, in the JSNLI layout ({@code 猫 は 赤い。猫 は 赤く ない。} → 誤; labels
 * 正 / 誤 / 中間). Words are separated by spaces (wakati-gaki, as Japanese corpora often are after
 * segmentation), so the base model's word-level tokenizer gives each word one token; scoring uses
 * Kuromoji tokens, which ignore those spaces.
 */
final class ToyJapaneseNli implements ToyTask {

    private final List<String> subjects = ToyLists.words("ja_nli_subjects.tsv");
    private final List<NliDraw.Attribute> attributes = NliDraw.attributes("ja_nli_attributes.tsv", true);

    @Override
    public String name() {
        return "toy-ja";
    }

    @Override
    public String promptBefore() {
        return "入力 文:";
    }

    @Override
    public String promptBetween() {
        return "推論 関係:";
    }

    @Override
    public boolean japanese() {
        return true;
    }

    @Override
    public TuningExample example(Random rng) {
        NliDraw d = NliDraw.draw(rng, subjects, attributes, 1);
        return new TuningExample(JapaneseNli.query(premise(d), hypothesis(d)), JapaneseNli.label(d.label()));
    }

    @Override
    public String corpusDocument(Random rng) {
        NliDraw d = NliDraw.draw(rng, subjects, attributes, 1);
        String label = JapaneseNli.label(d.label());
        return switch (rng.nextInt(4)) {
            case 0 -> JapaneseNli.query(premise(d), hypothesis(d)) + " 関係: " + label;
            case 1 -> "前提: " + premise(d) + "。 仮説: " + hypothesis(d) + "。 答え: " + label + " 。";
            case 2 -> "入力 の 文 は " + JapaneseNli.query(premise(d), hypothesis(d)) + " 推論 の 答え は " + label + " 。";
            default -> premise(d) + "。";
        };
    }

    private static String premise(NliDraw d) {
        return d.subject() + " は " + d.premise().get(0).value();
    }

    private static String hypothesis(NliDraw d) {
        return d.subject() + " は " + (d.negated() ? d.hypothesis().negatable() + " ない" : d.hypothesis().value());
    }
}
