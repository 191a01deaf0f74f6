package org.collapselab.core.experiment.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.collapselab.core.util.Json;

/**
 * A comparison as one tidy CSV table, one value per row, each row keeping its run's name and folder so the
 * rows stay traceable after a spreadsheet sorts them: {@code section,run,folder,key,epoch,value,delta_to_first}.
 * Sections: {@code config} (only the settings that differ), {@code metric}, {@code curve}, {@code confusion}
 * (row-normalised share, key "true -> predicted") and {@code finding} (key "appeared"/"disappeared").
 *
 * <p>Text cells that a spreadsheet would run as a formula (first character {@code = + - @}, or a tab or carriage
 * return) get a leading apostrophe, as the OWASP "CSV Injection" page advises: run and class names come from
 * folder names that anyone can choose. Numbers are written by this class with {@link Locale#ROOT} (a point as the
 * decimal separator on every machine) and are never prefixed, so a negative difference stays a number.
 */
public final class ComparisonCsvWriter {
    public static final String HEADER = "section,run,folder,key,epoch,value,delta_to_first";

    private ComparisonCsvWriter() {
    }

    public static void write(RunComparison comparison, List<Path> folders, Path file) throws IOException {
        Json.writeAtomically(file, render(comparison, folders).getBytes(StandardCharsets.UTF_8));
    }

    /** @param folders the compared runs' folders, in the comparison's order */
    public static String render(RunComparison c, List<Path> folders) {
        StringBuilder out = new StringBuilder(8_192).append(HEADER).append('\n');
        List<String> names = c.runNames();
        for (RunComparison.ConfigDiffRow row : c.configDiff()) {
            for (int r = 0; r < names.size(); r++) {
                text(out, "config", names.get(r), folders.get(r), row.path(), "", row.values().get(r), "");
            }
        }
        for (RunComparison.MetricRow row : c.metrics()) {
            for (int r = 0; r < names.size(); r++) {
                numbers(out, "metric", names.get(r), folders.get(r), row.metric(), "", row.values()[r], row.deltas()[r]);
            }
        }
        for (int r = 0; r < names.size(); r++) {
            RunComparison.Curves curve = c.curves().get(r);
            for (int k = 0; k < curve.epochs().length; k++) {
                String epoch = Integer.toString(curve.epochs()[k]);
                numbers(out, "curve", names.get(r), folders.get(r), "trainLoss", epoch, curve.trainLoss()[k], Double.NaN);
                numbers(out, "curve", names.get(r), folders.get(r), "validationLoss", epoch, curve.validationLoss()[k], Double.NaN);
                numbers(out, "curve", names.get(r), folders.get(r), "balancedAccuracy", epoch, curve.balancedAccuracy()[k], Double.NaN);
            }
        }
        for (int r = 0; r < names.size(); r++) {
            RunComparison.NormalisedConfusion m = c.confusions().get(r);
            if (m == null) {
                continue;
            }
            for (int t = 0; t < m.shares().length; t++) {
                for (int p = 0; p < m.shares()[t].length; p++) {
                    numbers(out, "confusion", names.get(r), folders.get(r), m.labels().get(t) + " -> " + m.labels().get(p), "",
                            m.shares()[t][p], Double.NaN);
                }
            }
        }
        for (RunComparison.FindingChange f : c.findingChanges()) {
            int r = names.indexOf(f.run());
            text(out, "finding", f.run(), r < 0 ? null : folders.get(r), f.change().label(), "",
                    f.title() + " (" + f.findingId() + ")", "");
        }
        return out.toString();
    }

    private static void text(StringBuilder out, String section, String run, Path folder, String key, String epoch,
                             String value, String delta) {
        out.append(section).append(',').append(cell(run)).append(',').append(cell(folder == null ? "" : folder.toString()))
                .append(',').append(cell(key)).append(',').append(epoch).append(',').append(cell(value)).append(',')
                .append(delta).append('\n');
    }

    private static void numbers(StringBuilder out, String section, String run, Path folder, String key, String epoch,
                                double value, double delta) {
        out.append(section).append(',').append(cell(run)).append(',').append(cell(folder == null ? "" : folder.toString()))
                .append(',').append(cell(key)).append(',').append(epoch).append(',').append(number(value)).append(',')
                .append(number(delta)).append('\n');
    }

    /** A number with a point as decimal separator and no grouping; empty when unknown. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    /** One text cell: neutralised against formula injection, then quoted per RFC 4180 when needed. */
    public static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            value = '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
