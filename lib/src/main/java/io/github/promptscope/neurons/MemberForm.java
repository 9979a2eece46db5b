package io.github.promptscope.neurons;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an explanation names the members of its concept after the description.
 *
 * <p>{@link #QUOTED} writes {@code animal names: 'fox', 'swan'}; in the default tokenizer a quoted
 * word is a token without its leading space ({@code fox}), while the simulator's line for the same
 * word in running text holds the token with it ({@code Ġfox}): two ids the model must learn to pair,
 * one word at a time, which cannot carry over to words of concepts it never saw. {@link #LISTED}
 * writes {@code animal names: fox, swan}, where every member is the same {@code Ġword} token as in
 * the text, so deciding whether a line's token is named becomes matching identical ids (issue #13).
 */
public enum MemberForm {
    /** {@code description: 'a', 'b'}: the form of models/neurons and of every corpus before neurons-listed. */
    QUOTED,
    /** {@code description: a, b}: members as the running text's tokens spell them. */
    LISTED;

    /** The members written in this form, in order (each stripped of surrounding white space for LISTED). */
    public String write(List<String> members) {
        return this == QUOTED ? TokenLookupExplainer.quoteAll(members)
                : members.stream().map(String::strip).collect(Collectors.joining(", "));
    }

    /** The form {@code --members} names: {@code quoted} or {@code listed}. */
    public static MemberForm parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "quoted" -> QUOTED;
            case "listed" -> LISTED;
            default -> throw new IllegalArgumentException("--members: '" + name + "' is not quoted or listed");
        };
    }
}
