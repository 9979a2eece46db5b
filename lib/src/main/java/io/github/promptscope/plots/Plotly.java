package io.github.promptscope.plots;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The pinned plotly.js bundle that ships inside the jar (taken from npm at build time, checked against
 * its SHA-256 in pom.xml). A 2.x release on purpose: Tablesaw's jsplot writes string titles and
 * {@code titlefont}, which plotly.js 3 removed.
 */
public final class Plotly {

    /** The bundled release; the build fails if the file for it is missing. */
    public static final String VERSION = "2.35.3";

    private static final String RESOURCE = "/io/github/promptscope/plots/plotly-" + VERSION + ".min.js";
    private static volatile String source;

    private Plotly() {
    }

    /** The minified library, read once. */
    public static String source() {
        String s = source;
        if (s == null) {
            try (InputStream in = Plotly.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath; build with mvn (the"
                            + " generate-resources phase fetches plotly.js-dist-min " + VERSION + " from npm)");
                }
                s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(RESOURCE + ": cannot read: " + e.getMessage(), e);
            }
            source = s;
        }
        return s;
    }

    /**
     * A {@code <script>} that defines {@code window.Plotly} unless a page already has it. An AMD loader
     * (require.js in classic notebooks and nbconvert's export) is hidden while the bundle runs, since
     * plotly's UMD header would otherwise register an anonymous module and leave {@code Plotly} unset.
     */
    public static String inlineScript() {
        return "<script type=\"text/javascript\">\n"
                + "if (typeof window.Plotly === 'undefined') {\n"
                + "var __psDefine = window.define; window.define = undefined;\n"
                + source().replace("</script", "<\\/script") + "\n"
                + ";window.define = __psDefine;\n}\n</script>\n";
    }
}
