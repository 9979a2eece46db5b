package io.github.promptscope.functions;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Please choose all that apply" (Mixture of Functions): correct iff the reply contains every target
 * letter and no other uppercase letter; other characters (commas, spaces) do not matter. The
 * reference scans a target list and needs a letter twice when two functions share a value; the
 * targets here are a set, so each letter is needed once (the spec's reading).
 */
public record LetterSetAnswer(Set<Character> letters) implements AnswerCheck {

    public LetterSetAnswer {
        letters = Set.copyOf(new TreeSet<>(letters));
    }

    @Override
    public boolean correct(String output) {
        Set<Character> seen = new TreeSet<>();
        for (char c : output.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                if (!letters.contains(c)) {
                    return false;
                }
                seen.add(c);
            }
        }
        return seen.equals(letters);
    }

    @Override
    public Optional<String> exactTarget() {
        return Optional.empty();
    }
}
