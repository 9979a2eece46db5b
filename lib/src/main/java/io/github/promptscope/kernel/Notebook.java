package io.github.promptscope.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;

/**
 * Functions every notebook has ({@code import static io.github.promptscope.kernel.Notebook.*}),
 * named as in IJava: {@code display}, {@code render}, {@code updateDisplay}; plus {@code clearOutput}
 * (IPython's {@code clear_output}, which IJava lacks).
 */
public final class Notebook {

    private Notebook() {
    }

    /**
     * Shows an object now, in its richest form (a Tablesaw table as HTML, a jsplot figure inline, an
     * image as PNG, {@link io.github.promptscope.plots.Html} as HTML, anything else as text).
     *
     * @return a display id for {@link #updateDisplay}
     */
    public static String display(Object o) {
        return publish(o, null);
    }

    /** Shows an object in the given MIME types only (text/plain is always added). */
    public static String display(Object o, String... mimeTypes) {
        return publish(o, mimeTypes);
    }

    /** The display bundle for an object, without showing it; a cell that ends with it shows it. */
    public static DisplayData render(Object o, String... mimeTypes) {
        PromptScopeKernel k = PromptScopeKernel.current();
        if (k == null) {
            return new DisplayData(String.valueOf(o));
        }
        if (o instanceof DisplayData d) {
            return d;
        }
        return mimeTypes.length == 0 ? k.getRenderer().render(o) : k.getRenderer().renderAs(o, mimeTypes);
    }

    /** Replaces what an earlier {@link #display} showed. */
    public static void updateDisplay(String id, Object o) {
        PromptScopeKernel k = PromptScopeKernel.current();
        if (k == null) {
            System.out.println(o);
            return;
        }
        DisplayData d = render(o);
        k.getIO().display.updateDisplay(id, d);
    }

    /** Replaces what an earlier {@link #display} showed, in the given MIME types only. */
    public static void updateDisplay(String id, Object o, String... mimeTypes) {
        PromptScopeKernel k = PromptScopeKernel.current();
        if (k == null) {
            System.out.println(o);
            return;
        }
        k.getIO().display.updateDisplay(id, render(o, mimeTypes));
    }

    /** Clears the running cell's output now (IPython's {@code clear_output()}). */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears the running cell's output; with {@code wait} only when the next output arrives, so a loop that
     * clears and redraws does not flicker (IPython's {@code clear_output(wait=True)}).
     */
    public static void clearOutput(boolean wait) {
        PromptScopeKernel k = PromptScopeKernel.current();
        if (k != null) {
            k.clearOutput(wait);
        }
    }

    private static String publish(Object o, String[] mimeTypes) {
        PromptScopeKernel k = PromptScopeKernel.current();
        if (k == null) {
            System.out.println(o); // outside a kernel (tests, jshell): plain text
            return "";
        }
        DisplayData d = mimeTypes == null ? render(o) : render(o, mimeTypes);
        if (d.getDisplayId() == null) {
            d.setDisplayId(UUID.randomUUID().toString());
        }
        System.out.flush(); // text printed before the display comes first
        k.display(d);
        return d.getDisplayId();
    }
}
