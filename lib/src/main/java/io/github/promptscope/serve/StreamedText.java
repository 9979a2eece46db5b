package io.github.promptscope.serve;

import java.util.List;

/**
 * The text of one streamed choice, sent while it is generated. Only a prefix that can no longer
 * change goes out: a trailing U+FFFD (a character whose bytes have not all arrived) and a tail that
 * could be the start of a stop string wait for the next token, so the chunks always join to
 * exactly the finished text.
 */
final class StreamedText {

    private final List<String> stops;
    private String sent = "";

    StreamedText(List<String> stops) {
        this.stops = stops;
    }

    /** What to send now, given the text so far ({@code finished}: the text is final). */
    String advance(String text, boolean finished) {
        String ready = finished ? text : stable(text);
        if (ready.length() <= sent.length() || !ready.startsWith(sent)) {
            return "";
        }
        String delta = ready.substring(sent.length());
        sent = ready;
        return delta;
    }

    /** The rest of the finished text (empty when all of it went out). */
    String finish(String text) {
        return advance(text, true);
    }

    String sent() {
        return sent;
    }

    private String stable(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\uFFFD') {
            end--;
        }
        String t = text.substring(0, end);
        int hold = 0;
        for (String stop : stops) {
            for (int k = Math.min(stop.length() - 1, t.length()); k > hold; k--) {
                if (t.endsWith(stop.substring(0, k))) {
                    hold = k;
                    break;
                }
            }
        }
        return t.substring(0, t.length() - hold);
    }
}
