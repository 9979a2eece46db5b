package io.github.promptscope.plots;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A figure whose traces carry symmetric error bars. jsplot has no error-bar field, so the arrays are
 * attached to Tablesaw's trace variables ({@code trace0}, {@code trace1}, ...) before it plots.
 */
final class ErrorBarFigure extends Figure {

    private final List<double[]> errors;

    ErrorBarFigure(Layout layout, List<double[]> errors, Trace... traces) {
        super(layout, traces);
        if (errors.size() != traces.length) {
            throw new IllegalArgumentException(errors.size() + " error arrays for " + traces.length + " traces");
        }
        this.errors = List.copyOf(errors);
    }

    @Override
    public String asJavascript(String divName) {
        String js = super.asJavascript(divName);
        StringBuilder attach = new StringBuilder();
        for (int i = 0; i < errors.size(); i++) {
            attach.append("trace").append(i).append(".error_y = {type: 'data', visible: true, array: [");
            double[] e = errors.get(i);
            for (int j = 0; j < e.length; j++) {
                attach.append(j > 0 ? ", " : "").append(Double.isFinite(e[j]) ? String.format(Locale.ROOT, "%.6g", e[j]) : "null");
            }
            attach.append("]};\n");
        }
        int at = js.indexOf("Plotly.newPlot");
        if (at < 0) {
            throw new IllegalStateException("jsplot output has no Plotly.newPlot call; cannot attach error bars");
        }
        return js.substring(0, at) + attach + js.substring(at);
    }
}
