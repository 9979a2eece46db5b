package io.github.promptscope.data;

/**
 * English words for 0..999,999 in the instruction-induction style: {@code 26 -> twenty-six},
 * {@code 5468 -> five thousand, four hundred sixty-eight} (hyphenated tens, comma after thousands,
 * no "and").
 */
final class NumberWords {

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};

    private NumberWords() {
    }

    static String of(int n) {
        if (n < 0 || n > 999_999) {
            throw new IllegalArgumentException("supported range is 0..999999, got " + n);
        }
        if (n < 1000) {
            return below1000(n);
        }
        String thousands = below1000(n / 1000) + " thousand";
        int rest = n % 1000;
        return rest == 0 ? thousands : thousands + ", " + below1000(rest);
    }

    private static String below1000(int n) {
        if (n < 100) {
            return below100(n);
        }
        String hundreds = ONES[n / 100] + " hundred";
        return n % 100 == 0 ? hundreds : hundreds + " " + below100(n % 100);
    }

    private static String below100(int n) {
        if (n < 20) {
            return ONES[n];
        }
        return n % 10 == 0 ? TENS[n / 10] : TENS[n / 10] + "-" + ONES[n % 10];
    }
}
