package org.collapselab.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.collapselab.core.diagnostics.ChartData;
import org.collapselab.core.diagnostics.CauseRanker;
import org.collapselab.core.diagnostics.Finding;
import org.collapselab.core.diagnostics.FindingLink;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.training.ConfusionMatrix;
import org.collapselab.core.training.CrossValidation;
import org.collapselab.core.training.MetricIntervals;
import org.collapselab.core.util.Json;

/**
 * Renders a {@link RunReport} as one self-contained HTML page: charts are inline SVG, no scripts,
 * no external resources. Every string from the data (class and file names included) is escaped.
 * Numbers are formatted with {@link Locale#ROOT}: under a German or French default locale "%.1f"
 * writes "12,5", which breaks SVG coordinates and makes the report differ from machine to machine.
 */
public final class HtmlReportWriter {
    private HtmlReportWriter() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        write(report, null, file);
    }

    /** The report with the diagnostic walkthrough (steps and their charts) when {@code steps} is not null. */
    public static void write(RunReport report, StepsReport steps, Path file) throws IOException {
        write(report, steps, null, file);
    }

    /** A diagnosis report: the run, the walkthrough, and the before → after of a retrain when one is given. */
    public static void write(RunReport report, StepsReport steps, String retrainComparison, Path file)
            throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        write(report, steps, retrainComparison, file, folder == null ? null : lastWritten(folder));
    }

    /** As above, dated {@code date} (when the run's report was last written; null when unknown). */
    public static void write(RunReport report, StepsReport steps, String retrainComparison, Path file, Instant date)
            throws IOException {
        Json.writeAtomically(file, render(report, steps, retrainComparison, date).getBytes(StandardCharsets.UTF_8));
    }

    /** When the run folder's report.json was last written, or null when it has none. */
    public static Instant lastWritten(Path runFolder) {
        try {
            Path json = runFolder.resolve(RunReport.FILE);
            return Files.isRegularFile(json) ? Files.getLastModifiedTime(json).toInstant() : null;
        } catch (IOException e) {
            return null;
        }
    }

    public static String render(RunReport r) {
        return render(r, null);
    }

    public static String render(RunReport r, StepsReport steps) {
        return render(r, steps, null);
    }

    public static String render(RunReport r, StepsReport steps, String retrainComparison) {
        return render(r, steps, retrainComparison, null);
    }

    public static String render(RunReport r, StepsReport steps, String retrainComparison, Instant date) {
        StringBuilder h = new StringBuilder();
        String title = "Collapse Lab report" + (r.config() == null ? "" : " — " + r.config().name());
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:980px;color:#1f2328}")
                .append("h1{font-size:1.6em}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:right}")
                .append("th{background:#f6f8fa}td.l,th.l{text-align:left}.crit{color:#cf222e}.warn{color:#9a6700}")
                .append(".info{color:#0969da}.banner{background:#ffebe9;border:1px solid #cf222e;padding:.6em 1em;border-radius:6px}")
                .append(".ok{background:#dafbe1;border:1px solid #1a7f37;padding:.6em 1em;border-radius:6px}")
                .append("pre{background:#f6f8fa;padding:1em;overflow:auto}.finding{margin:1em 0;padding:.6em 1em;border-left:4px solid #d0d7de}")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<p>Status: <b>").append(esc(r.status() == null ? "?" : r.status().json())).append("</b>");
        if (r.message() != null) {
            h.append(" — ").append(esc(r.message()));
        }
        h.append("</p>");
        runFacts(h, r, date);
        if (retrainComparison != null && !retrainComparison.isBlank()) {
            h.append("<h2>Retrained with the fixes</h2><pre>").append(esc(retrainComparison)).append("</pre>");
        }
        if (r.collapse() != null && r.collapse().collapsed()) {
            h.append("<p class=\"banner\">Collapsed: the model predicts '").append(esc(r.collapse().dominantClass()))
                    .append("' for almost everything since epoch ").append(r.collapse().sinceEpoch()).append(".</p>");
        } else if (r.finalResult() != null) {
            h.append("<p class=\"ok\">Not collapsed.</p>");
        }
        if (r.finalResult() != null) {
            RunReport.FinalSection f = r.finalResult();
            h.append("<h2>Result</h2><table><tr><th class=l>Metric</th><th>Value</th><th>95% interval</th></tr>");
            row(h, "Validation accuracy", f.validationAccuracy(), f.accuracyInterval());
            row(h, "Balanced accuracy", f.balancedAccuracy(), f.balancedAccuracyInterval());
            row(h, "Macro-F1", f.macroF1(), f.macroF1Interval());
            row(h, "Majority-class baseline", f.majorityBaseline());
            row(h, "Share of the most-predicted class", f.predictionShare());
            h.append("</table>");
            if (f.bootstrapResamples() != null) {
                h.append("<p>95% intervals: Wilson for accuracy; a bootstrap of ").append(f.bootstrapResamples())
                        .append(" resamples of the validation images (within each class) for balanced accuracy and "
                                + "macro-F1.</p>");
            }
            if (f.crossValidation() != null) {
                crossValidation(h, f.crossValidation());
            }
            if (f.neverPredicted() != null && !f.neverPredicted().isEmpty()) {
                h.append("<p>Never predicted: ").append(esc(String.join(", ", f.neverPredicted()))).append("</p>");
            }
            if (f.confusion() != null) {
                perClass(h, f.confusion().toMatrix());
            }
        }
        if (!r.epochs().isEmpty()) {
            h.append("<h2>Learning curves</h2>");
            h.append(chart("Loss", r.epochs(), List.of(RunReport.EpochReport::trainLoss, RunReport.EpochReport::validationLoss),
                    List.of("train", "validation"), Double.NaN, null));
            h.append(chart("Accuracy", r.epochs(), List.of(RunReport.EpochReport::trainAccuracy,
                            RunReport.EpochReport::validationAccuracy, RunReport.EpochReport::balancedAccuracy),
                    List.of("train", "validation", "balanced"),
                    r.finalResult() == null ? Double.NaN : r.finalResult().majorityBaseline(), new double[]{0, 1}));
        }
        if (r.finalResult() != null && r.finalResult().confusion() != null) {
            confusion(h, r.finalResult().confusion());
        }
        h.append("<h2>Findings</h2>");
        if (r.findings().isEmpty()) {
            h.append("<p>No findings.</p>");
        } else if (r.findings().stream().anyMatch(f -> f.rankReason() != null)) {
            h.append("<p>").append(esc(CauseRanker.RULE)).append("</p>");
        }
        java.util.Map<String, Integer> depth = new java.util.HashMap<>();
        for (Finding f : r.findings()) {
            int d = f.under() == null ? 0 : depth.getOrDefault(f.under().id(), 0) + 1;
            depth.put(f.id(), d);
            String cls = switch (f.severity()) {
                case CRITICAL -> "crit";
                case WARNING -> "warn";
                case INFO -> "info";
            };
            h.append("<div class=\"finding\"").append(d > 0 ? " style=\"margin-left:" + 28 * d + "px\"" : "")
                    .append("><b class=\"").append(cls).append("\">").append(esc(f.severity().json().toUpperCase()))
                    .append("</b> ").append(f.under() != null ? (f.under().relation() == FindingLink.Relation.SAME_FIX
                            ? "= same fix as " : "→ explained by ") + "<code>" + esc(f.under().id()) + "</code>: "
                            : f.rank() > 0 ? "#" + f.rank() + " " : "")
                    .append("<code>").append(esc(f.id()))
                    .append("</code>").append(f.inconclusive() ? " <b class=\"info\">INCONCLUSIVE</b>" : "")
                    .append(" — ").append(esc(f.title()));
            if (f.inconclusive()) {
                h.append("<p><b>Inconclusive:</b> ").append(esc(f.inconclusiveReason())).append("</p>");
            }
            if (f.under() != null) {
                h.append(" <i>(").append(esc(f.under().because())).append(")</i>");
            }
            if (f.rankReason() != null) {
                h.append("<p><b>Why #").append(f.rank()).append(":</b> ").append(esc(f.rankReason())).append("</p>");
            }
            h.append("<p>").append(esc(f.explanation())).append("</p>");
            if (f.evidence() != null) {
                h.append("<p>Evidence: measured ").append(esc(fmt(f.evidence().measured()))).append(", threshold ")
                        .append(esc(fmt(f.evidence().threshold()))).append(" — source: ").append(esc(f.evidence().source()))
                        .append("</p>");
            }
            if (f.fix() != null) {
                h.append("<p>Fix: ").append(esc(f.fix().description())).append(" <code>").append(esc(fixSettings(f.fix().set())))
                        .append("</code>");
                if (f.fix().trial() != null) {
                    h.append(" — trial: balanced accuracy ").append(esc(CauseRanker.describe(f.fix().trial())));
                }
                h.append("</p>");
            }
            h.append("</div>");
        }
        if (steps != null && !steps.steps().isEmpty()) {
            walkthrough(h, steps);
        }
        if (r.dataset() != null) {
            RunReport.DatasetSection d = r.dataset();
            h.append("<h2>Dataset</h2><p>").append(esc(d.path())).append(" — ").append(d.train()).append(" training, ")
                    .append(d.validation()).append(" validation images</p><table><tr><th class=l>Class</th><th>Images</th></tr>");
            if (d.counts() != null) {
                d.counts().forEach((k, v) -> h.append("<tr><td class=l>").append(esc(k)).append("</td><td>").append(v).append("</td></tr>"));
            }
            h.append("</table>");
            if (d.skipped() != null && !d.skipped().isEmpty()) {
                h.append("<h3>Skipped files</h3><table><tr><th class=l>File</th><th class=l>Reason</th></tr>");
                d.skipped().forEach(s -> h.append("<tr><td class=l>").append(esc(s.file())).append("</td><td class=l>")
                        .append(esc(s.reason())).append("</td></tr>"));
                h.append("</table>");
            }
        }
        if (r.backend() != null) {
            h.append("<h2>Backend</h2><p>").append(esc(r.backend().device())).append(" — ").append(esc(r.backend().name()))
                    .append(", BLAS ").append(esc(r.backend().blas())).append(", ").append(esc(r.backend().description())).append("</p>");
        }
        if (r.config() != null) {
            h.append("<h2>Config</h2><pre>").append(esc(ConfigCodec.toJson(r.config()))).append("</pre>");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    /** The date, the training time (sum of the epochs' times) and the epoch count. */
    private static void runFacts(StringBuilder h, RunReport r, Instant date) {
        h.append("<p class=\"facts\">");
        h.append("Date: ").append(date == null ? "unknown" : esc(DATE.format(date.atZone(ZoneId.systemDefault()))));
        if (!r.epochs().isEmpty()) {
            double seconds = r.epochs().stream().mapToDouble(RunReport.EpochReport::seconds).sum();
            h.append(" · Duration: ").append(esc(duration(seconds))).append(" of training over ").append(r.epochs().size())
                    .append(r.epochs().size() == 1 ? " epoch" : " epochs");
        }
        h.append("</p>");
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return seconds < 10 ? String.format(Locale.ROOT, "%.1f s", seconds) : whole + " s";
        }
        return whole < 3600 ? String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60)
                : String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }

    /** Precision and recall of every class on the validation set: which classes the model finds, and how reliably. */
    private static void perClass(StringBuilder h, ConfusionMatrix m) {
        h.append("<h3>Per class (validation)</h3><table class=\"per-class\"><tr><th class=l>Class</th><th>Images</th>")
                .append("<th>Predicted</th><th>Precision</th><th>Recall</th></tr>");
        int[] actual = m.actualCounts();
        int[] predicted = m.predictedCounts();
        for (int c = 0; c < m.size(); c++) {
            h.append("<tr><td class=l>").append(esc(m.labels().get(c))).append("</td><td>").append(actual[c]).append("</td><td>")
                    .append(predicted[c]).append("</td><td>")
                    .append(predicted[c] == 0 ? "— (never predicted)" : String.format(Locale.ROOT, "%.3f", m.precision(c)))
                    .append("</td><td>").append(actual[c] == 0 ? "—" : String.format(Locale.ROOT, "%.3f", m.recall(c))).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void confusion(StringBuilder h, RunReport.ConfusionSection c) {
        int max = 1;
        for (int[] row : c.counts()) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        h.append("<h2>Confusion matrix</h2><p>Rows: true class; columns: predicted class.</p><table><tr><th></th>");
        c.labels().forEach(l -> h.append("<th>").append(esc(l)).append("</th>"));
        h.append("</tr>");
        for (int i = 0; i < c.labels().size(); i++) {
            h.append("<tr><th class=l>").append(esc(c.labels().get(i))).append("</th>");
            for (int j = 0; j < c.labels().size(); j++) {
                int v = c.counts()[i][j];
                int alpha = (int) Math.round(200.0 * v / max);
                String color = i == j ? "26,127,55" : "207,34,46";
                h.append("<td style=\"background:rgba(").append(color).append(',').append(String.format(Locale.ROOT, "%.2f", alpha / 255.0))
                        .append(")\">").append(v).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    /** Plot area and legend column of the learning-curve charts; the legend sits beside the plot, never on it. */
    static final int CHART_WIDTH = 580;
    static final int CHART_PLOT_RIGHT = 420;
    private static final int CHART_HEIGHT = 250;
    private static final int CHART_LEFT = 46;
    private static final int CHART_TOP = 28;
    private static final int CHART_BOTTOM = 44;

    /**
     * One learning-curve chart: y ticks with grid lines, the epochs as x ticks, and the legend to the right
     * of the plot. {@code yRange} fixes the y span (accuracy: 0–1), or is null to fit the data from 0 up.
     */
    private static String chart(String title, List<RunReport.EpochReport> epochs,
                                List<ToDoubleFunction<RunReport.EpochReport>> series, List<String> names, double baseline,
                                double[] yRange) {
        String[] colors = {"#0969da", "#cf222e", "#1a7f37", "#8250df"};
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (var s : series) {
            for (var e : epochs) {
                double v = s.applyAsDouble(e);
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        if (!Double.isFinite(max)) {
            return "";
        }
        if (yRange != null) {
            min = Math.min(yRange[0], min);
            max = Math.max(yRange[1], max);
        } else {
            min = Math.min(0, min);
            if (Double.isFinite(baseline)) {
                max = Math.max(max, baseline);
            }
        }
        double[] ticks = ticks(min, max);
        final double lo = ticks[0];
        final double hi = ticks[ticks.length - 1];
        int ht = CHART_HEIGHT;
        int bottom = ht - CHART_BOTTOM;
        int n = epochs.size();
        int firstEpoch = epochs.get(0).epoch();
        int lastEpoch = epochs.get(n - 1).epoch();
        // One epoch sits mid-axis rather than on a zero-width range.
        java.util.function.DoubleUnaryOperator xOf = epoch -> lastEpoch == firstEpoch
                ? (CHART_LEFT + CHART_PLOT_RIGHT) / 2.0
                : CHART_LEFT + (epoch - firstEpoch) / (lastEpoch - firstEpoch) * (CHART_PLOT_RIGHT - CHART_LEFT);
        java.util.function.DoubleUnaryOperator yOf = v -> bottom - (v - lo) / (hi - lo) * (bottom - CHART_TOP);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH).append("\" height=\"").append(ht)
                .append("\" style=\"margin-right:10px\"><text x=\"").append(CHART_LEFT).append("\" y=\"16\" font-weight=\"bold\">")
                .append(esc(title)).append("</text>");
        for (double t : ticks) {
            double y = yOf.applyAsDouble(t);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>",
                    CHART_LEFT, CHART_PLOT_RIGHT, y, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"ytick\" x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    CHART_LEFT - 4, y + 3, tickLabel(t, ticks)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", CHART_LEFT, bottom,
                CHART_PLOT_RIGHT, bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", CHART_LEFT, CHART_TOP,
                CHART_LEFT, bottom));
        int step = Math.max(1, (int) Math.ceil((lastEpoch - firstEpoch + 1) / 10.0));
        for (int epoch = firstEpoch; epoch <= lastEpoch; epoch += step) {
            double x = xOf.applyAsDouble(epoch);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#888\"/>", x, x, bottom,
                    bottom + 4));
            svg.append(String.format(Locale.ROOT, "<text class=\"xtick\" x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>",
                    x, bottom + 15, epoch));
        }
        svg.append("<text x=\"").append((CHART_LEFT + CHART_PLOT_RIGHT) / 2).append("\" y=\"").append(ht - 8)
                .append("\" font-size=\"11\" text-anchor=\"middle\">epoch</text>");
        if (Double.isFinite(baseline)) {
            double y = yOf.applyAsDouble(baseline);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#666\" "
                    + "stroke-dasharray=\"5,4\"/>", CHART_LEFT, CHART_PLOT_RIGHT, y, y));
        }
        int legendX = CHART_PLOT_RIGHT + 14;
        for (int s = 0; s < series.size(); s++) {
            StringBuilder points = new StringBuilder();
            for (RunReport.EpochReport e : epochs) {
                double v = series.get(s).applyAsDouble(e);
                if (Double.isFinite(v)) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xOf.applyAsDouble(e.epoch()), yOf.applyAsDouble(v)));
                }
            }
            String color = colors[s % colors.length];
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
                    .append(points).append("\"/>");
            if (n == 1 && points.length() > 0) {
                String[] xy = points.toString().trim().split(",");
                svg.append("<circle r=\"3\" cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" fill=\"")
                        .append(color).append("\"/>");
            }
            legend(svg, legendX, CHART_TOP + 8 + 16 * s, color, false, names.get(s));
        }
        if (Double.isFinite(baseline)) {
            legend(svg, legendX, CHART_TOP + 8 + 16 * series.size(), "#666", true, "majority baseline");
        }
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg, int x, int y, String color, boolean dashed, String name) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>", x,
                x + 18, y - 4, y - 4, color, dashed ? " stroke-dasharray=\"5,4\"" : ""));
        svg.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">", x + 24, y, color))
                .append(esc(name)).append("</text>");
    }

    /** Evenly spaced "nice" tick values (steps of 1, 2 or 5 × 10^k) covering [min, max], first and last included. */
    static double[] ticks(double min, double max) {
        if (!(max - min > 1e-12)) {
            max = min + 1;
        }
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude <= 1 ? magnitude : raw / magnitude <= 2 ? 2 * magnitude
                : raw / magnitude <= 5 ? 5 * magnitude : 10 * magnitude;
        double first = Math.floor(min / step + 1e-9) * step;
        double last = Math.ceil(max / step - 1e-9) * step;
        int count = (int) Math.round((last - first) / step) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = first + i * step;
        }
        return ticks;
    }

    private static String tickLabel(double value, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", Math.abs(value) < step * 1e-9 ? 0 : value);
    }

    /** A grid chart as one row of square panels of cells: grey images, or red (above zero) / blue heat maps. */
    static String gridSvg(ChartData c) {
        int panel = 120;
        int gap = 16;
        int top = 28;
        double peak = 1e-9;
        for (ChartData.Series s : c.series()) {
            for (ChartData.Point p : s.points()) {
                peak = Math.max(peak, Math.abs(p.y()));
            }
        }
        int w = Math.max(1, c.series().size()) * (panel + gap);
        StringBuilder g = new StringBuilder(String.format(Locale.ROOT,
                "<svg width=%d height=%d role=img><text x=0 y=16 font-size=13>%s</text>", w, top + panel + 20,
                esc(c.title())));
        for (int k = 0; k < c.series().size(); k++) {
            ChartData.Series s = c.series().get(k);
            int side = (int) Math.round(Math.sqrt(s.points().size()));
            double cell = (double) panel / Math.max(1, side);
            int x0 = k * (panel + gap);
            for (ChartData.Point p : s.points()) {
                int i = (int) p.x();
                String fill;
                if (c.kind() == ChartData.Kind.IMAGE_GRID) {
                    int v = (int) Math.max(0, Math.min(255, Math.round(p.y())));
                    fill = String.format(Locale.ROOT, "rgb(%d,%d,%d)", v, v, v);
                } else {
                    double a = Math.min(1, Math.abs(p.y()) / peak);
                    fill = String.format(Locale.ROOT, p.y() >= 0 ? "rgba(224,48,32,%.2f)" : "rgba(32,96,224,%.2f)", a);
                }
                g.append(String.format(Locale.ROOT, "<rect x=%.1f y=%.1f width=%.2f height=%.2f fill='%s'/>",
                        x0 + (i % side) * cell, top + (double) (i / side) * cell, cell + 0.3, cell + 0.3, fill));
            }
            g.append(String.format(Locale.ROOT, "<rect x=%d y=%d width=%d height=%d fill=none stroke='#888'/>"
                    + "<text x=%d y=%d font-size=12>%s</text>", x0, top, panel, panel, x0, top + panel + 15, esc(s.name())));
        }
        return g.append("</svg>").toString();
    }

    /** The diagnostic steps in walkthrough order, then the chart of every step that has one. */
    private static void walkthrough(StringBuilder h, StepsReport steps) {
        h.append("<h2>Diagnostic walkthrough</h2><table><tr><th>#</th><th class=l>Step</th><th class=l>State</th>")
                .append("<th>Seconds</th><th class=l>Findings / note</th></tr>");
        for (StepsReport.Step s : steps.steps()) {
            String found = s.findings() == null || s.findings().isEmpty() ? (s.note() == null ? "" : s.note())
                    : String.join(", ", s.findings().stream().map(f -> f.severity().json() + ": " + f.id()).toList());
            if (s.run() != null) {
                found = (found.isEmpty() ? "" : found + " · ") + "examined run " + s.run();
            }
            h.append("<tr><td>").append(s.index()).append("</td><td class=l>").append(esc(s.title())).append("</td><td class=l>")
                    .append(esc(s.state() == null ? "" : s.state().name().toLowerCase().replace('_', ' '))).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", s.seconds())).append("</td><td class=l>").append(esc(found)).append("</td></tr>");
        }
        h.append("</table>");
        for (StepsReport.Step s : steps.steps()) {
            if (s.charts() == null) {
                continue;
            }
            for (ChartData c : s.charts()) {
                h.append(svg(c));
            }
        }
    }

    /** A step's chart as inline SVG: polylines (log10 x when asked) or bars, dashed reference lines with labels. */
    static String svg(ChartData c) {
        if (c.kind() == ChartData.Kind.IMAGE_GRID || c.kind() == ChartData.Kind.HEAT_GRID) {
            return gridSvg(c);
        }
        String[] colors = {"#0969da", "#cf222e", "#1a7f37", "#8250df"};
        int w = 460;
        int ht = 260;
        int left = 46;
        int bottom = 44;
        int top = 28;
        boolean bars = c.kind() == ChartData.Kind.BAR;
        java.util.function.DoubleUnaryOperator tx = v -> c.logX() ? Math.log10(v) : v;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = 0;
        double yMax = Double.NEGATIVE_INFINITY;
        int categories = 0;
        for (ChartData.Series s : c.series()) {
            categories = Math.max(categories, s.points().size());
            for (ChartData.Point p : s.points()) {
                if (!bars && (!c.logX() || p.x() > 0)) {
                    xMin = Math.min(xMin, tx.applyAsDouble(p.x()));
                    xMax = Math.max(xMax, tx.applyAsDouble(p.x()));
                }
                yMin = Math.min(yMin, p.y());
                yMax = Math.max(yMax, p.y());
            }
        }
        for (ChartData.Marker m : c.markers()) {
            if (m.axis() == ChartData.Axis.Y) {
                yMin = Math.min(yMin, m.value());
                yMax = Math.max(yMax, m.value());
            }
        }
        if (!Double.isFinite(yMax) || (!bars && !Double.isFinite(xMin))) {
            return "";
        }
        if (yMax - yMin < 1e-12) {
            yMax = yMin + 1;
        }
        if (!bars && xMax - xMin < 1e-12) {
            xMax = xMin + 1;
        }
        final double x0 = xMin;
        final double x1 = xMax;
        double[] yTicks = ticks(yMin, yMax);
        final double y0 = yTicks[0];
        final double y1 = yTicks[yTicks.length - 1];
        java.util.function.DoubleUnaryOperator px = v -> left + (v - x0) / (x1 - x0) * (w - left - 12);
        java.util.function.DoubleUnaryOperator py = v -> ht - bottom - (v - y0) / (y1 - y0) * (ht - bottom - top);
        StringBuilder svg = new StringBuilder();
        // Line charts get a legend column right of the plot, so names never cover the curves.
        int legendWidth = bars ? 0 : 170;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w + legendWidth).append("\" height=\"").append(ht)
                .append("\" style=\"margin:0 10px 10px 0\"><text x=\"").append(left).append("\" y=\"16\" font-weight=\"bold\">")
                .append(esc(c.title())).append("</text>");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, ht - bottom, w - 12,
                ht - bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, top, left, ht - bottom));
        for (double t : yTicks) {
            double y = py.applyAsDouble(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>", left, w - 12, y, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"ytick\" x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    left - 4, y + 3, tickLabel(t, yTicks)));
        }
        svg.append("<text x=\"").append(left).append("\" y=\"").append(ht - 6).append("\" font-size=\"11\">")
                .append(esc(c.xLabel())).append(" — y: ").append(esc(c.yLabel())).append("</text>");
        if (bars) {
            ChartData.Series s = c.series().get(0);
            double slot = (double) (w - left - 12) / Math.max(1, categories);
            for (int i = 0; i < s.points().size(); i++) {
                ChartData.Point p = s.points().get(i);
                double x = left + i * slot + slot * 0.15;
                double yTop = py.applyAsDouble(Math.max(0, p.y()));
                double yBase = py.applyAsDouble(Math.min(0, p.y()));
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, yTop,
                        slot * 0.7, Math.max(0.5, yBase - yTop), colors[0]));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">", x, ht - bottom + 13))
                        .append(esc(p.category())).append("</text>");
            }
        } else {
            for (int k = 0; k < c.series().size(); k++) {
                StringBuilder points = new StringBuilder();
                for (ChartData.Point p : c.series().get(k).points()) {
                    if (!c.logX() || p.x() > 0) {
                        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(tx.applyAsDouble(p.x())),
                                py.applyAsDouble(p.y())));
                    }
                }
                String color = colors[k % colors.length];
                svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
                        .append(points).append("\"/>");
                legend(svg, w + 4, top + 12 + 16 * k, color, false, c.series().get(k).name());
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", left, ht - bottom + 13,
                    esc(c.logX() ? "1e" + Math.round(x0) : fmt(x0))));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>", w - 12,
                    ht - bottom + 13, esc(c.logX() ? "1e" + Math.round(x1) : fmt(x1))));
        }
        int labelRow = 0;
        for (ChartData.Marker m : c.markers()) {
            String dash = " stroke=\"#666\" stroke-dasharray=\"5,4\"/>";
            if (m.axis() == ChartData.Axis.Y) {
                double y = py.applyAsDouble(m.value());
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"", left, w - 12, y, y)).append(dash);
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">",
                        w - 14, y - 3)).append(esc(m.label())).append("</text>");
            } else if (!bars && (!c.logX() || m.value() > 0)) {
                double x = px.applyAsDouble(tx.applyAsDouble(m.value()));
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"", x, x, top, ht - bottom)).append(dash);
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#555\">", x + 3,
                        top + 10 + 12 * labelRow++)).append(esc(m.label())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void row(StringBuilder h, String name, double value, MetricIntervals.Interval interval) {
        h.append("<tr><td class=l>").append(esc(name)).append("</td><td>").append(fmt(value)).append("</td><td>")
                .append(interval == null ? "–" : esc(interval.decimals())).append("</td></tr>");
    }

    /** Every fold's figures and the mean ± std (range) across folds, with the spread drawn as error bars. */
    private static void crossValidation(StringBuilder h, CrossValidation cv) {
        h.append("<h3>").append(cv.folds()).append("-fold cross-validation</h3><table><tr><th class=l>Fold</th>"
                + "<th>Train</th><th>Validation</th><th>Epochs</th><th>Accuracy</th><th>Balanced</th><th>Macro-F1</th></tr>");
        for (CrossValidation.Fold f : cv.results()) {
            h.append("<tr><td class=l>").append(f.fold()).append("</td><td>").append(f.train()).append("</td><td>")
                    .append(f.validation()).append("</td><td>").append(f.epochs()).append("</td><td>")
                    .append(fmt(f.validationAccuracy())).append("</td><td>").append(fmt(f.balancedAccuracy()))
                    .append("</td><td>").append(fmt(f.macroF1())).append("</td></tr>");
        }
        h.append("<tr><td class=l><b>mean ± std (min–max)</b></td><td></td><td></td><td></td><td>")
                .append(esc(cv.validationAccuracy().describe())).append("</td><td>")
                .append(esc(cv.balancedAccuracy().describe())).append("</td><td>").append(esc(cv.macroF1().describe()))
                .append("</td></tr></table>");
    }

    private static void row(StringBuilder h, String name, double value) {
        h.append("<tr><td class=l>").append(esc(name)).append("</td><td>").append(fmt(value)).append("</td></tr>");
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v != 0) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /** HTML-escapes text, so a class folder named like a tag shows as text. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** "{model.layers[0].activation=leakyrelu (layer 1)}": the --set form, layers also counted as on the Model screen. */
    private static String fixSettings(java.util.Map<String, Object> set) {
        return "{" + set.entrySet().stream()
                .map(e -> org.collapselab.core.model.ConfigPaths.assignmentForUser(e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ")) + "}";
    }
}
