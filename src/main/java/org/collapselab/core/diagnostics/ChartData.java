package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart that explains one diagnostic step (the LR range test's loss curve, the learning curve, the
 * class histogram, ...), as plain data: the GUI draws it with JavaFX charts, the CLI report can write
 * it as JSON. Lines have numeric x; bars have a category per point. Markers are reference lines (a
 * threshold, the majority baseline, the suggested learning rate). Immutable; no JavaFX.
 *
 * @param id     stable id within the step, e.g. "lr-range"
 * @param kind   line or bar chart
 * @param logX   whether x is drawn on a log10 scale (lines only; x values stay in natural units)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartData(String id, Kind kind, String title, String xLabel, String yLabel, boolean logX,
                        List<Series> series, List<Marker> markers) {
    /**
     * Lines, bars, or small square panels, one per series, whose points are the cells read row by row (x the cell's
     * index, y its value): images (values 0–255, drawn grey) or heat maps (signed values, drawn red above zero and
     * blue below).
     */
    public enum Kind { LINE, BAR, IMAGE_GRID, HEAT_GRID }

    /** Which axis a marker's value is on: a vertical line at an x value, or a horizontal line at a y value. */
    public enum Axis { X, Y }

    public ChartData {
        series = series == null ? List.of() : List.copyOf(series);
        markers = markers == null ? List.of() : List.copyOf(markers);
    }

    /** One named series; points with a non-finite coordinate are dropped. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = points == null ? List.of() : points.stream()
                    .filter(p -> Double.isFinite(p.y()) && Double.isFinite(p.x())).toList();
        }
    }

    /** A point: {@code category} names the bar (null for lines, where {@code x} is used). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(String category, double x, double y) {
        public static Point xy(double x, double y) {
            return new Point(null, x, y);
        }

        public static Point bar(String category, double y) {
            return new Point(category, 0, y);
        }
    }

    /** A labelled reference line at {@code value} on {@code axis}. */
    public record Marker(String label, Axis axis, double value) {
    }

    public static Builder line(String id, String title, String xLabel, String yLabel) {
        return new Builder(id, Kind.LINE, title, xLabel, yLabel);
    }

    public static Builder bar(String id, String title, String xLabel, String yLabel) {
        return new Builder(id, Kind.BAR, title, xLabel, yLabel);
    }

    /** Square panels ({@link Kind#IMAGE_GRID} or {@link Kind#HEAT_GRID}); {@code valueLabel} says what a cell holds. */
    public static Builder grid(String id, Kind kind, String title, String valueLabel) {
        if (kind != Kind.IMAGE_GRID && kind != Kind.HEAT_GRID) {
            throw new IllegalArgumentException("not a grid kind: " + kind);
        }
        return new Builder(id, kind, title, "cell", valueLabel);
    }

    /** The series called {@code name}, or null. */
    public Series series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The marker labelled {@code label}, or null. */
    public Marker marker(String label) {
        return markers.stream().filter(m -> m.label().equals(label)).findFirst().orElse(null);
    }

    /** Collects series and markers; markers with a non-finite value are left out. */
    public static final class Builder {
        private final String id;
        private final Kind kind;
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private boolean logX;
        private final List<Series> series = new ArrayList<>();
        private final List<Marker> markers = new ArrayList<>();

        private Builder(String id, Kind kind, String title, String xLabel, String yLabel) {
            this.id = id;
            this.kind = kind;
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
        }

        public Builder logX() {
            this.logX = true;
            return this;
        }

        public Builder series(String name, List<Point> points) {
            series.add(new Series(name, points));
            return this;
        }

        /** A line series from parallel arrays. */
        public Builder series(String name, double[] x, double[] y) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                points.add(Point.xy(x[i], y[i]));
            }
            return series(name, points);
        }

        /** A square panel from its cells, row by row. */
        public Builder panel(String name, double[] cells) {
            List<Point> points = new ArrayList<>(cells.length);
            for (int i = 0; i < cells.length; i++) {
                points.add(Point.xy(i, cells[i]));
            }
            return series(name, points);
        }

        public Builder marker(String label, Axis axis, double value) {
            if (Double.isFinite(value)) {
                markers.add(new Marker(label, axis, value));
            }
            return this;
        }

        public ChartData build() {
            return new ChartData(id, kind, title, xLabel, yLabel, logX, series, markers);
        }
    }
}
