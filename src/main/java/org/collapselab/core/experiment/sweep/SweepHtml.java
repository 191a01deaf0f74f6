package org.collapselab.core.experiment.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.util.Json;

/**
 * {@code sweep.html}: one self-contained page (inline CSS and SVG, no scripts, no external resources) with the
 * plain-words summary, the collapse map and the trials table. For a grid over two parameters the map is a heat map of
 * the objective with collapsed cells hatched and crossed and the best cell outlined; otherwise a scatter of the
 * objective against each parameter and a parallel-coordinates chart. Every text from the sweep is escaped.
 */
public final class SweepHtml {
    public static final String FILE = "sweep.html";
    private static final String COLLAPSED = "#d62728";
    private static final String HEALTHY = "#1f77b4";

    private SweepHtml() {
    }

    public static void write(SweepSpec spec, SweepOutcome outcome, Path file) throws IOException {
        Json.writeAtomically(file, render(spec, outcome).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(SweepSpec spec, SweepOutcome outcome) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sweep ")
                .append(esc(spec.name())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;font-size:13px}")
                .append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#f3f3f3}")
                .append("td.t{text-align:left}tr.c td{background:#fbe9e9}.summary{font-size:15px;max-width:60em;line-height:1.5}")
                .append("svg text{font-size:11px;font-family:system-ui,sans-serif}.note{color:#666;font-size:12px}")
                .append("</style></head><body>");
        h.append("<h1>Sweep ").append(esc(spec.name())).append("</h1>");
        h.append("<p class=\"note\">").append(esc(describeSpec(spec))).append("</p>");
        h.append("<h2>What the map shows</h2><p class=\"summary\" id=\"summary\">").append(esc(outcome.summary())).append("</p>");
        if (!outcome.complete()) {
            h.append("<p><b>Unfinished:</b> the sweep was stopped; resume it with <code>sweep --resume ")
                    .append(esc(String.valueOf(outcome.folder()))).append("</code>.</p>");
        }
        h.append("<p class=\"note\">Budget: ").append(outcome.plannedTrialEpochs()).append(" trial-epochs planned");
        if (spec.halving()) {
            h.append(" with successive halving, against ").append(outcome.fullGridTrialEpochs())
                    .append(" for every configuration at full epochs (").append(outcome.savedTrialEpochs()).append(" saved)");
        }
        h.append(".</p>");
        h.append("<h2>Collapse map</h2>");
        List<TrialResult> finals = outcome.finals();
        if (spec.parameters().size() == 2 && SweepSpec.GRID.equals(spec.strategy())) {
            h.append(heatMap(spec, finals, outcome.best()));
        } else {
            for (SweepParameter p : spec.parameters()) {
                h.append(scatter(spec, p, finals, outcome.best()));
            }
            h.append("<br>").append(parallelCoordinates(spec, finals));
        }
        h.append("<h2>Trials</h2>").append(table(spec, outcome.rows()));
        h.append("</body></html>\n");
        return h.toString();
    }

    static String describeSpec(SweepSpec spec) {
        StringBuilder s = new StringBuilder();
        s.append(spec.strategy()).append(" search");
        if (SweepSpec.RANDOM.equals(spec.strategy())) {
            s.append(" (").append(spec.trials()).append(" trials, seed ").append(spec.seed()).append(")");
        }
        s.append(" over ");
        List<String> params = new ArrayList<>();
        for (SweepParameter p : spec.parameters()) {
            params.add(p.path() + " = " + p.spec());
        }
        s.append(String.join("; ", params));
        s.append("; objective ").append(spec.objective().label()).append("; ").append(spec.maxEpochs()).append(" epochs");
        if (spec.halving()) {
            s.append("; successive halving from ").append(spec.minEpochs()).append(" epochs, eta ").append(spec.eta());
        }
        s.append("; data ").append(spec.data()).append("; engine ").append(spec.engine()).append('.');
        return s.toString();
    }

    /** Objective per cell of a two-parameter grid; x is the first numeric parameter. */
    static String heatMap(SweepSpec spec, List<TrialResult> finals, TrialResult best) {
        SweepParameter x = spec.parameters().stream().filter(SweepParameter::numeric).findFirst().orElse(spec.parameters().get(0));
        SweepParameter y = spec.parameters().get(0) == x ? spec.parameters().get(1) : spec.parameters().get(0);
        List<String> xs = x.gridValues();
        List<String> ys = y.gridValues();
        Map<String, TrialResult> cells = new LinkedHashMap<>();
        for (TrialResult r : finals) {
            cells.put(r.parameters().get(x.path()) + "\u0000" + r.parameters().get(y.path()), r);
        }
        double[] range = objectiveRange(spec.objective(), finals);
        int cw = 86;
        int ch = 44;
        int left = 130;
        int top = 30;
        int width = Math.max(left + cw * xs.size() + 20, 660);
        int height = top + ch * ys.size() + 106;
        StringBuilder s = new StringBuilder();
        s.append(svgOpen(width, height, "Heat map of " + spec.objective().label()));
        s.append("<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#fff\" stroke-width=\"2\" stroke-opacity=\"0.35\"/></pattern></defs>");
        s.append(text(left + cw * xs.size() / 2.0, 16, "middle", x.label() + " (" + x.path() + ")"));
        for (int j = 0; j < ys.size(); j++) {
            s.append(text(left - 8, top + ch * j + ch / 2.0 + 4, "end", ys.get(j)));
        }
        s.append(text(10, top + ch * ys.size() + 50, "start", "rows: " + y.label() + " (" + y.path() + ")"));
        String bestOutline = "";
        for (int i = 0; i < xs.size(); i++) {
            s.append(text(left + cw * i + cw / 2.0, top + ch * ys.size() + 16, "middle", xs.get(i)));
            for (int j = 0; j < ys.size(); j++) {
                TrialResult r = cells.get(xs.get(i) + "\u0000" + ys.get(j));
                double cx = left + cw * i;
                double cy = top + ch * j;
                String fill = r == null || Double.isNaN(r.objective()) ? "#bbbbbb" : color(spec.objective(), r.objective(), range);
                s.append("<g><title>").append(esc(r == null ? "not run" : tooltip(spec, r))).append("</title>");
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\"/>",
                        cx, cy, cw, ch, fill));
                if (r != null && r.collapsed()) {
                    s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"url(#hatch)\"/>",
                            cx, cy, cw, ch));
                    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\" "
                            + "font-weight=\"bold\" style=\"font-size:14px\">\u00d7</text>", cx + cw - 4, cy + 14, COLLAPSED));
                }
                String label = r == null ? "not run" : Double.isNaN(r.objective()) ? r.status()
                        : String.format(Locale.ROOT, "%.3f", r.objective());
                boolean dark = r != null && !Double.isNaN(r.objective()) && t(spec.objective(), r.objective(), range) < 0.55;
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text>",
                        cx + cw / 2.0, cy + ch / 2.0 + (r != null && r.collapsed() ? -2 : 4), dark ? "#fff" : "#000", esc(label)));
                if (r != null && r.collapsed()) {
                    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">collapsed</text>",
                            cx + cw / 2.0, cy + ch / 2.0 + 12, dark ? "#fff" : "#000"));
                }
                s.append("</g>");
                if (r != null && best != null && r.trial() == best.trial()) {
                    bestOutline = String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"none\" "
                            + "stroke=\"#000\" stroke-width=\"4\"><title>best</title></rect>", cx + 2, cy + 2, cw - 4, ch - 4);
                }
            }
        }
        s.append(bestOutline);
        double ly = top + ch * ys.size() + 66;
        for (int k = 0; k <= 10; k++) {
            double v = range[0] + (range[1] - range[0]) * k / 10.0;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\"/>",
                    left + k * 14.0, ly, color(spec.objective(), v, range)));
        }
        s.append(text(left - 4, ly + 9, "end", fmt(spec.objective().higherIsBetter() ? range[0] : range[1])));
        s.append(text(left + 11 * 14 + 4, ly + 9, "start", fmt(spec.objective().higherIsBetter() ? range[1] : range[0])
                + " " + spec.objective().label() + " (brighter is better)"));
        s.append(text(left, ly + 28, "start", "hatched with \u00d7: collapsed (predicts one class);  thick outline: best trial;  "
                + "grey: no result"));
        s.append("</svg>");
        return s.toString();
    }

    /** The objective against one parameter: crosses for collapsed trials, dots for the rest. */
    static String scatter(SweepSpec spec, SweepParameter p, List<TrialResult> finals, TrialResult best) {
        int w = 380;
        int hgt = 250;
        int left = 50;
        int right = 15;
        int top = 28;
        int bottom = 40;
        List<TrialResult> points = finals.stream().filter(r -> !Double.isNaN(r.objective())).toList();
        double[] yr = paddedRange(points.stream().mapToDouble(TrialResult::objective).toArray());
        Axis axis = Axis.of(p, points);
        StringBuilder s = new StringBuilder(svgOpen(w, hgt, spec.objective().label() + " against " + p.label()));
        s.append(text(w / 2.0, 16, "middle", spec.objective().label() + " against " + p.label()));
        s.append(frame(left, top, w - left - right, hgt - top - bottom));
        s.append(text(left - 4, top + 8, "end", fmt(yr[1]))).append(text(left - 4, hgt - bottom, "end", fmt(yr[0])));
        s.append(text(left, hgt - bottom + 14, "start", axis.lowLabel())).append(text(w - right, hgt - bottom + 14, "end", axis.highLabel()));
        s.append(text(w / 2.0, hgt - 8, "middle", p.path() + (axis.log ? " (log scale)" : "")));
        for (TrialResult r : points) {
            double px = left + axis.position(r.parameters().get(p.path())) * (w - left - right);
            double py = top + (1 - (r.objective() - yr[0]) / (yr[1] - yr[0])) * (hgt - top - bottom);
            s.append("<g><title>").append(esc(tooltip(spec, r))).append("</title>");
            s.append(mark(px, py, r.collapsed()));
            if (best != null && r.trial() == best.trial()) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/>", px, py));
            }
            s.append("</g>");
        }
        s.append("</svg> ");
        return s.toString();
    }

    /** One vertical axis per parameter and one for the objective; one line per trial, red when it collapsed. */
    static String parallelCoordinates(SweepSpec spec, List<TrialResult> finals) {
        List<TrialResult> rows = finals.stream().filter(r -> !Double.isNaN(r.objective())).toList();
        List<SweepParameter> params = spec.parameters();
        int axes = params.size() + 1;
        int gap = 170;
        int left = 70;
        int top = 40;
        int plot = 220;
        int w = left * 2 + gap * (axes - 1);
        int hgt = top + plot + 50;
        double[] yr = paddedRange(rows.stream().mapToDouble(TrialResult::objective).toArray());
        List<Axis> scales = params.stream().map(p -> Axis.of(p, rows)).toList();
        StringBuilder s = new StringBuilder(svgOpen(w, hgt, "Parallel coordinates"));
        s.append(text(w / 2.0, 16, "middle", "Parallel coordinates (red: collapsed, blue: not collapsed)"));
        for (TrialResult r : rows) {
            StringBuilder pts = new StringBuilder();
            for (int a = 0; a < axes; a++) {
                double t = a < params.size() ? scales.get(a).position(r.parameters().get(params.get(a).path()))
                        : (r.objective() - yr[0]) / (yr[1] - yr[0]);
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + gap * (double) a, top + (1 - t) * plot));
            }
            s.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke-opacity=\"0.6\" stroke=\"")
                    .append(r.collapsed() ? COLLAPSED : HEALTHY).append("\" points=\"").append(pts.toString().trim())
                    .append("\"><title>").append(esc(tooltip(spec, r))).append("</title></polyline>");
        }
        for (int a = 0; a < axes; a++) {
            double ax = left + gap * (double) a;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\"/>", ax, top, ax, top + plot));
            String name = a < params.size() ? params.get(a).label() : spec.objective().label();
            String high = a < params.size() ? scales.get(a).highLabel() : fmt(yr[1]);
            String low = a < params.size() ? scales.get(a).lowLabel() : fmt(yr[0]);
            s.append(text(ax, top - 8, "middle", high)).append(text(ax, top + plot + 14, "middle", low))
                    .append(text(ax, top + plot + 32, "middle", name));
        }
        s.append("</svg>");
        return s.toString();
    }

    static String table(SweepSpec spec, List<TrialResult> rows) {
        StringBuilder s = new StringBuilder("<table><tr><th>trial</th><th>rung</th><th>epochs</th>");
        for (SweepParameter p : spec.parameters()) {
            s.append("<th>").append(esc(p.path())).append("</th>");
        }
        s.append("<th>status</th><th>").append(esc(spec.objective().label())).append("</th><th>balanced acc.</th>")
                .append("<th>validation acc.</th><th>macro-F1</th><th>collapsed</th><th>top finding</th><th>seconds</th>")
                .append("<th>run folder</th><th>reason</th></tr>");
        for (TrialResult r : rows.stream().sorted(Comparator.comparingInt(TrialResult::trial)).toList()) {
            s.append(r.collapsed() ? "<tr class=\"c\">" : "<tr>").append("<td>").append(r.trial()).append("</td><td>")
                    .append(r.rung()).append("</td><td>").append(r.epochs()).append("</td>");
            for (SweepParameter p : spec.parameters()) {
                s.append("<td>").append(esc(r.parameters().get(p.path()))).append("</td>");
            }
            s.append("<td class=\"t\">").append(esc(r.status())).append("</td><td>").append(fmt(r.objective()))
                    .append("</td><td>").append(fmt(r.balancedAccuracy())).append("</td><td>").append(fmt(r.validationAccuracy()))
                    .append("</td><td>").append(fmt(r.macroF1())).append("</td><td class=\"t\">")
                    .append(r.collapsed() ? "yes" + (r.dominantClass().isEmpty() ? "" : " (" + esc(r.dominantClass()) + ")") : "no")
                    .append("</td><td class=\"t\">").append(esc(r.topFinding())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", r.seconds())).append("</td><td class=\"t\"><a href=\"")
                    .append(esc(r.runFolder())).append("/\">").append(esc(r.runFolder())).append("</a></td><td class=\"t\">")
                    .append(esc(r.reason())).append("</td></tr>");
        }
        return s.append("</table>").toString();
    }

    /** Where values sit along a parameter's axis, 0 to 1: log or linear for numbers, evenly spaced for choices. */
    private record Axis(SweepParameter parameter, List<String> categories, double low, double high, boolean log) {
        static Axis of(SweepParameter p, List<TrialResult> rows) {
            if (!p.numeric()) {
                List<String> seen = new ArrayList<>(p.gridValues());
                rows.forEach(r -> {
                    if (!seen.contains(r.parameters().get(p.path()))) {
                        seen.add(r.parameters().get(p.path()));
                    }
                });
                return new Axis(p, seen, 0, 0, false);
            }
            double[] values = rows.stream().mapToDouble(r -> Double.parseDouble(r.parameters().get(p.path()))).toArray();
            double low = Math.min(p.low(), java.util.Arrays.stream(values).min().orElse(p.low()));
            double high = Math.max(p.high(), java.util.Arrays.stream(values).max().orElse(p.high()));
            boolean log = p.kind() == SweepParameter.Kind.LOG || (low > 0 && high / low >= 50);
            return new Axis(p, List.of(), low, high, log);
        }

        double position(String value) {
            if (!parameter.numeric()) {
                int i = categories.indexOf(value);
                return categories.size() == 1 ? 0.5 : (double) i / (categories.size() - 1);
            }
            double v = Double.parseDouble(value);
            if (high == low) {
                return 0.5;
            }
            return log ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (v - low) / (high - low);
        }

        String lowLabel() {
            return parameter.numeric() ? SweepParameter.formatNumber(low) : categories.get(0);
        }

        String highLabel() {
            return parameter.numeric() ? SweepParameter.formatNumber(high) : categories.get(categories.size() - 1);
        }
    }

    private static String tooltip(SweepSpec spec, TrialResult r) {
        StringBuilder s = new StringBuilder(r.runFolder());
        r.parameters().forEach((k, v) -> s.append("\n").append(k).append(" = ").append(v));
        s.append("\n").append(r.status()).append(", ").append(spec.objective().label()).append(" ").append(fmt(r.objective()));
        if (r.collapsed()) {
            s.append(", collapsed").append(r.dominantClass().isEmpty() ? "" : " onto " + r.dominantClass());
        }
        return s.toString();
    }

    private static String mark(double x, double y, boolean collapsed) {
        if (collapsed) {
            return String.format(Locale.ROOT, "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"%s\" stroke-width=\"2\"/>",
                    x - 4, y - 4, x + 4, y + 4, x - 4, y + 4, x + 4, y - 4, COLLAPSED);
        }
        return String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", x, y, HEALTHY);
    }

    private static String frame(int x, int y, int w, int h) {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", x, y, w, h);
    }

    private static String svgOpen(int w, int h, String label) {
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
                + "aria-label=\"%s\">", w, h, esc(label));
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor, esc(content));
    }

    private static double[] objectiveRange(Objective objective, List<TrialResult> rows) {
        double lo = rows.stream().mapToDouble(TrialResult::objective).filter(v -> !Double.isNaN(v)).min().orElse(0);
        double hi = rows.stream().mapToDouble(TrialResult::objective).filter(v -> !Double.isNaN(v)).max().orElse(1);
        return lo == hi ? new double[]{lo - 0.5, hi + 0.5} : new double[]{lo, hi};
    }

    private static double[] paddedRange(double[] values) {
        double lo = java.util.Arrays.stream(values).min().orElse(0);
        double hi = java.util.Arrays.stream(values).max().orElse(1);
        double pad = lo == hi ? 0.5 : (hi - lo) * 0.05;
        return new double[]{lo - pad, hi + pad};
    }

    /** 0 for the worst objective in the sweep, 1 for the best. */
    private static double t(Objective objective, double v, double[] range) {
        double t = Math.max(0, Math.min(1, (v - range[0]) / (range[1] - range[0])));
        return objective.higherIsBetter() ? t : 1 - t;
    }

    /** Three stops of the viridis colour map (dark purple, teal, yellow), so the scale reads in greyscale too. */
    private static String color(Objective objective, double v, double[] range) {
        double t = t(objective, v, range);
        int[][] stops = {{68, 1, 84}, {33, 145, 140}, {253, 231, 37}};
        double s = t * 2;
        int i = Math.min(1, (int) s);
        double f = s - i;
        int r = (int) Math.round(stops[i][0] + (stops[i + 1][0] - stops[i][0]) * f);
        int g = (int) Math.round(stops[i][1] + (stops[i + 1][1] - stops[i][1]) * f);
        int b = (int) Math.round(stops[i][2] + (stops[i + 1][2] - stops[i][2]) * f);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** HTML-escapes text, attributes included (the run report's escaper). */
    static String esc(String s) {
        return org.collapselab.core.report.HtmlReportWriter.esc(s);
    }
}
