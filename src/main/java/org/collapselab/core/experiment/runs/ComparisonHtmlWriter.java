package org.collapselab.core.experiment.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.collapselab.core.training.MetricIntervals;
import org.collapselab.core.util.Json;

/**
 * A comparison as one self-contained HTML page: inline SVG charts with a legend by run name, no scripts, no
 * external files. Every text that comes from a run (names, config values, class names, findings) is escaped,
 * since run folders and class folders are named by users.
 */
public final class ComparisonHtmlWriter {
    private static final int CHART_WIDTH = 460;
    private static final int CHART_HEIGHT = 260;

    private ComparisonHtmlWriter() {
    }

    public static void write(RunComparison comparison, Path file) throws IOException {
        Json.writeAtomically(file, render(comparison).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(RunComparison c) {
        StringBuilder h = new StringBuilder(16_384);
        String title = "Collapse Lab: comparison of " + c.runNames().size() + " runs";
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1f2328}")
                .append("h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:right}")
                .append("th{background:#f6f8fa}td.l,th.l{text-align:left}.swatch{display:inline-block;width:12px;height:12px;")
                .append("border-radius:2px;margin-right:6px;vertical-align:middle}.side{display:flex;flex-wrap:wrap;gap:18px}")
                .append(".better{color:#1a7f37}.worse{color:#cf222e}")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1><p>");
        for (int i = 0; i < c.runNames().size(); i++) {
            h.append("<span style=\"margin-right:1.2em\"><span class=\"swatch\" style=\"background:").append(RunColours.of(i))
                    .append("\"></span>").append(esc(c.runNames().get(i))).append("</span>");
        }
        h.append("</p><p>Differences are to the first run, <b>").append(esc(c.runNames().get(0))).append("</b>.</p>");

        h.append("<h2>Curves</h2><div class=\"side\">");
        h.append(chart("Training loss", c, RunComparison.Curves::trainLoss, false));
        h.append(chart("Validation loss", c, RunComparison.Curves::validationLoss, false));
        h.append(chart("Balanced accuracy", c, RunComparison.Curves::balancedAccuracy, true));
        h.append("</div>");

        h.append("<h2>Config diff</h2>");
        if (c.configDiff().isEmpty()) {
            h.append("<p>The runs have the same config.</p>");
        } else {
            h.append("<table><tr><th class=l>setting</th>");
            c.runNames().forEach(n -> h.append("<th class=l>").append(esc(n)).append("</th>"));
            h.append("</tr>");
            for (RunComparison.ConfigDiffRow row : c.configDiff()) {
                h.append("<tr><td class=l><code>").append(esc(row.path())).append("</code></td>");
                row.values().forEach(v -> h.append("<td class=l>").append(v.isEmpty() ? "–" : esc(v)).append("</td>"));
                h.append("</tr>");
            }
            h.append("</table>");
        }

        h.append("<h2>Final metrics</h2><table><tr><th class=l>metric</th>");
        for (int i = 0; i < c.runNames().size(); i++) {
            h.append("<th>").append(esc(c.runNames().get(i))).append("</th>");
            if (i > 0) {
                h.append("<th>Δ</th>");
            }
        }
        h.append("</tr>");
        for (RunComparison.MetricRow row : c.metrics()) {
            h.append("<tr><td class=l>").append(esc(row.metric())).append("</td>");
            for (int i = 0; i < row.values().length; i++) {
                h.append("<td>").append(number(row.values()[i])).append("</td>");
                if (i > 0) {
                    h.append("<td>").append(signed(row.deltas()[i])).append("</td>");
                }
            }
            h.append("</tr>");
        }
        h.append("</table>");

        h.append("<h2>Confusion matrices (each row: share of that true class)</h2><div class=\"side\">");
        for (int i = 0; i < c.runNames().size(); i++) {
            h.append("<div><p><span class=\"swatch\" style=\"background:").append(RunColours.of(i)).append("\"></span><b>")
                    .append(esc(c.runNames().get(i))).append("</b></p>");
            RunComparison.NormalisedConfusion m = c.confusions().get(i);
            if (m == null) {
                h.append("<p>No confusion matrix: the run ended before its first epoch.</p></div>");
                continue;
            }
            h.append("<table><tr><th class=l>true \\ predicted</th>");
            m.labels().forEach(l -> h.append("<th>").append(esc(l)).append("</th>"));
            h.append("</tr>");
            for (int r = 0; r < m.shares().length; r++) {
                h.append("<tr><th class=l>").append(esc(m.labels().get(r))).append(" (").append(m.rowCounts()[r]).append(")</th>");
                for (double share : m.shares()[r]) {
                    double alpha = Double.isFinite(share) ? share : 0;
                    h.append("<td style=\"background:rgba(9,105,218,").append(String.format(Locale.ROOT, "%.2f", 0.75 * alpha))
                            .append(")\">").append(Double.isFinite(share) ? String.format(Locale.ROOT, "%.0f%%", 100 * share) : "–")
                            .append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</table></div>");
        }
        h.append("</div>");

        h.append("<h2>Findings that appeared or disappeared</h2>");
        if (c.findingChanges().isEmpty()) {
            h.append("<p>Every run has the same findings as the first.</p>");
        } else {
            h.append("<table><tr><th class=l>run</th><th class=l>change</th><th class=l>finding</th></tr>");
            for (RunComparison.FindingChange f : c.findingChanges()) {
                h.append("<tr><td class=l>").append(esc(f.run())).append("</td><td class=l>").append(esc(f.change().label()))
                        .append("</td><td class=l>").append(esc(f.title())).append(" <code>").append(esc(f.findingId()))
                        .append("</code></td></tr>");
            }
            h.append("</table>");
        }
        return h.append("</body></html>").toString();
    }

    /** A line chart of one metric per epoch, one polyline per run in its colour, with the legend beneath. */
    static String chart(String title, RunComparison c, Function<RunComparison.Curves, double[]> metric, boolean unitRange) {
        int left = 48;
        int right = 12;
        int top = 24;
        int legendRows = (c.runNames().size() + 1) / 2;
        int bottom = 34 + 16 * legendRows;
        int height = CHART_HEIGHT + 16 * legendRows;
        int maxEpoch = 1;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (RunComparison.Curves curve : c.curves()) {
            for (int e : curve.epochs()) {
                maxEpoch = Math.max(maxEpoch, e);
            }
            for (double v : metric.apply(curve)) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (unitRange) {
            min = 0;
            max = 1;
        } else if (min > max) {
            min = 0;
            max = 1;
        } else if (max - min < 1e-9) {
            max = min + 1;
        } else {
            min = Math.min(0, min);
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(CHART_WIDTH)
                .append("\" height=\"").append(height).append("\" style=\"background:#fff;border:1px solid #d0d7de\">");
        svg.append("<title>").append(esc(title)).append("</title>");
        svg.append(f("<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>", left, esc(title)));
        int plotBottom = height - bottom;
        svg.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, plotBottom, CHART_WIDTH - right, plotBottom));
        svg.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, top, left, plotBottom));
        svg.append(f("<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>", left - 4, top + 4, tick(max)));
        svg.append(f("<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>", left - 4, plotBottom, tick(min)));
        svg.append(f("<text x=\"%d\" y=\"%d\" font-size=\"10\">1</text>", left, plotBottom + 12));
        svg.append(f("<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%d</text>", CHART_WIDTH - right, plotBottom + 12, maxEpoch));
        svg.append(f("<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">epoch</text>", (left + CHART_WIDTH) / 2, plotBottom + 12));
        double xScale = (CHART_WIDTH - left - right) / (double) Math.max(1, maxEpoch - 1);
        double yScale = (plotBottom - top) / (max - min);
        for (int r = 0; r < c.curves().size(); r++) {
            RunComparison.Curves curve = c.curves().get(r);
            double[] values = metric.apply(curve);
            StringBuilder points = new StringBuilder();
            for (int k = 0; k < values.length; k++) {
                if (!Double.isFinite(values[k])) {
                    continue; // a NaN loss leaves a gap rather than a line to nowhere
                }
                double x = left + (maxEpoch == 1 ? (CHART_WIDTH - left - right) / 2.0 : (curve.epochs()[k] - 1) * xScale);
                double y = plotBottom - (Math.max(min, Math.min(max, values[k])) - min) * yScale;
                points.append(f("%.1f,%.1f ", x, y));
            }
            String colour = RunColours.of(r);
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
            MetricIntervals.Interval interval = curve.finalBalancedInterval();
            if (unitRange && interval != null && curve.epochs().length > 0) {
                // The final balanced accuracy's 95% interval as an error bar at the run's last epoch.
                int lastEpoch = curve.epochs()[curve.epochs().length - 1];
                double x = left + (maxEpoch == 1 ? (CHART_WIDTH - left - right) / 2.0 : (lastEpoch - 1) * xScale) + 2 * r;
                double yLow = plotBottom - (interval.low() - min) * yScale;
                double yHigh = plotBottom - (interval.high() - min) * yScale;
                svg.append(f("<g class=\"error-bar\" style=\"stroke:%s;stroke-width:1.5\"><title>95%% interval %s</title>"
                                + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/><line x1=\"%.1f\" y1=\"%.1f\" "
                                + "x2=\"%.1f\" y2=\"%.1f\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/></g>",
                        colour, interval.decimals(), x, yLow, x, yHigh, x - 4, yLow, x + 4, yLow, x - 4, yHigh, x + 4, yHigh));
            }
            if (values.length == 1 && points.length() > 0) {
                String[] xy = points.toString().trim().split(",");
                svg.append(f("<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>", xy[0], xy[1], colour));
            }
            int legendX = left + (r % 2) * ((CHART_WIDTH - left) / 2);
            int legendY = plotBottom + 30 + 16 * (r / 2);
            svg.append(f("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>", legendX, legendY - 5, colour));
            svg.append(f("<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", legendX + 16, legendY,
                    esc(shorten(c.runNames().get(r), 32))));
        }
        return svg.append("</svg>").toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String tick(double v) {
        return Math.abs(v) >= 100 ? f("%.0f", v) : f("%.2f", v);
    }

    static String number(double v) {
        return Double.isFinite(v) ? f("%.4f", v) : "–";
    }

    static String signed(double v) {
        return Double.isFinite(v) ? f("%+.4f", v) : "–";
    }

    /** HTML-escapes text, attributes included (the run report's escaper). */
    public static String esc(String s) {
        return org.collapselab.core.report.HtmlReportWriter.esc(s);
    }
}
