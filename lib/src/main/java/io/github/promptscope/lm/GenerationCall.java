package io.github.promptscope.lm;

import java.util.List;

/**
 * One of several generation calls run as a single batch by {@link LanguageModel#generateTogether}.
 * Row i continues {@code contexts[i]} after its lead ({@code leads[i]}), and its sampled tokens are
 * the ones {@code generateFromIds(contexts[i] + lead ids, config)} gives if this call runs alone:
 * each row draws from the generator this call's seed and the row's index within the call give, and
 * its processors count only the tokens after the lead. A lead may be the head of a row of an earlier
 * call, not yet generated when the batch starts (iPrompt mutates its fresh samples in the same step
 * that draws them): that row's tokens are fed as they are sampled, one step ahead of the follower.
 *
 * @param contexts each row's context ids (not empty)
 * @param leads what each row's continuation starts with; fed, not sampled, and not part of the result
 * @param config the call's settings; {@code maxNewTokens} and {@code minNewTokens} count tokens after the lead
 */
public record GenerationCall(List<long[]> contexts, List<Lead> leads, GenerationConfig config) {

    public GenerationCall {
        contexts = List.copyOf(contexts);
        leads = List.copyOf(leads);
        if (contexts.size() != leads.size()) {
            throw new IllegalArgumentException(contexts.size() + " contexts but " + leads.size() + " leads");
        }
        if (config.numSamples() != 1) {
            throw new IllegalArgumentException("a call generated together samples once per row, got numSamples "
                    + config.numSamples());
        }
    }

    /** The first tokens of a row's continuation, known before the batch runs or taken from another row. */
    public sealed interface Lead {
        int length();
    }

    /** Lead tokens given up front (a mutation's kept head). */
    public record Given(long[] ids) implements Lead {
        @Override
        public int length() {
            return ids.length;
        }
    }

    /**
     * The first {@code length} tokens row {@code row} of call {@code call} (an earlier one) generates.
     * That row has no lead of its own and generates at least {@code length} tokens, with no stop.
     */
    public record HeadOf(int call, int row, int length) implements Lead {}
}
