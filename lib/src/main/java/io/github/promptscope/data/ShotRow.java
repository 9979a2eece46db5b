package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One n-shot row of the paper's pipeline (spec section 3): several distinct examples in one context.
 *
 * @param text      all shots' texts joined with the template's separator (the proposal context body)
 * @param input     the first n-1 texts followed by the last example's input (the scored input)
 * @param lastInput the last example's input alone (scored when {@code single_shot_loss} is on)
 * @param output    the last example's output
 */
public record ShotRow(String text, String input, String lastInput, String output) {

    /**
     * {@code rows} rows of {@code nShots} distinct examples each, drawn without replacement within a
     * row (rows may share examples), deterministic in {@code seed}.
     */
    public static List<ShotRow> sample(List<Example> examples, ExampleTemplate template, int nShots, int rows,
                                       long seed) {
        if (nShots < 1 || nShots > examples.size()) {
            throw new DataException("nShots must be in 1.." + examples.size() + ", got " + nShots);
        }
        Random rng = new Random(seed);
        List<ShotRow> out = new ArrayList<>(rows);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            ids.add(i);
        }
        for (int r = 0; r < rows; r++) {
            // Partial Fisher-Yates: the first nShots positions become a uniform draw without replacement.
            for (int k = 0; k < nShots; k++) {
                int j = k + rng.nextInt(ids.size() - k);
                Integer t = ids.get(k);
                ids.set(k, ids.get(j));
                ids.set(j, t);
            }
            List<Example> shots = ids.subList(0, nShots).stream().map(examples::get).toList();
            out.add(of(shots, template));
        }
        return out;
    }

    /** The row made of exactly these shots, last one scored. */
    public static ShotRow of(List<Example> shots, ExampleTemplate template) {
        Example last = shots.get(shots.size() - 1);
        String context = template.join(shots.subList(0, shots.size() - 1));
        String sep = shots.size() > 1 ? template.shotSeparator() : "";
        return new ShotRow(template.join(shots), context + sep + last.input(), last.input(), last.output());
    }
}
