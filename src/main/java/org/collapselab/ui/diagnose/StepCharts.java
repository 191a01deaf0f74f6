package org.collapselab.ui.diagnose;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.collapselab.core.diagnostics.ChartData;

/**
 * Draws a step's {@link ChartData} with JavaFX charts: lines (optionally on a log10 x axis) or bars,
 * with the reference markers as dashed lines labelled in the plot. FX thread.
 */
final class StepCharts {
    private StepCharts() {
    }

    static Node of(ChartData data) {
        if (data.kind() == ChartData.Kind.IMAGE_GRID || data.kind() == ChartData.Kind.HEAT_GRID) {
            return GridPanels.of(data);
        }
        XYChart<?, ?> chart = data.kind() == ChartData.Kind.BAR ? bar(data) : line(data);
        chart.setTitle(data.title());
        chart.setId("chart-" + data.id());
        chart.getStyleClass().add("step-chart");
        chart.setAnimated(false);
        chart.setMinHeight(260);
        chart.setPrefHeight(300);
        chart.setLegendVisible(data.series().size() > 1);
        return chart;
    }

    private static XYChart<?, ?> line(ChartData data) {
        NumberAxis x = new NumberAxis();
        x.setLabel(data.xLabel());
        if (data.logX()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (ChartData.Series s : data.series()) {
                for (ChartData.Point p : s.points()) {
                    if (p.x() > 0) {
                        min = Math.min(min, Math.log10(p.x()));
                        max = Math.max(max, Math.log10(p.x()));
                    }
                }
            }
            for (ChartData.Marker m : data.markers()) {
                if (m.axis() == ChartData.Axis.X && m.value() > 0) {
                    min = Math.min(min, Math.log10(m.value()));
                    max = Math.max(max, Math.log10(m.value()));
                }
            }
            if (Double.isFinite(min)) {
                x.setAutoRanging(false);
                x.setLowerBound(Math.floor(min));
                x.setUpperBound(Math.max(Math.ceil(max), Math.floor(min) + 1));
                x.setTickUnit(1);
                x.setMinorTickCount(0);
            }
            x.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number exponent) {
                    long e = Math.round(exponent.doubleValue());
                    return e == 0 ? "1" : "1e" + e;
                }

                @Override
                public Number fromString(String s) {
                    return Math.log10(Double.parseDouble(s));
                }
            });
        } else {
            linearX(x, data);
        }
        NumberAxis y = yAxis(data);
        MarkedLineChart chart = new MarkedLineChart(x, y, data);
        int points = 0;
        for (ChartData.Series s : data.series()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(s.name());
            for (ChartData.Point p : s.points()) {
                if (!data.logX() || p.x() > 0) {
                    series.getData().add(new XYChart.Data<>(data.logX() ? Math.log10(p.x()) : p.x(), p.y()));
                }
            }
            points = Math.max(points, series.getData().size());
            chart.getData().add(series);
        }
        chart.setCreateSymbols(points <= 20);
        return chart;
    }

    private static XYChart<?, ?> bar(ChartData data) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(data.xLabel());
        NumberAxis y = yAxis(data);
        MarkedBarChart chart = new MarkedBarChart(x, y, data);
        for (ChartData.Series s : data.series()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.name());
            for (ChartData.Point p : s.points()) {
                series.getData().add(new XYChart.Data<>(p.category(), p.y()));
            }
            chart.getData().add(series);
        }
        chart.setCategoryGap(data.series().get(0).points().size() <= 3 ? 60 : 16);
        return chart;
    }

    /** Linear x: ticks on round numbers (whole ones for epochs and steps), a little room at both ends. */
    private static void linearX(NumberAxis x, ChartData data) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (ChartData.Series s : data.series()) {
            for (ChartData.Point p : s.points()) {
                min = Math.min(min, p.x());
                max = Math.max(max, p.x());
                whole &= p.x() == Math.rint(p.x());
            }
        }
        if (!Double.isFinite(min)) {
            return;
        }
        double unit = niceUnit(Math.max(max - min, 1e-9) / 8);
        if (whole) {
            unit = Math.max(1, unit);
        }
        x.setAutoRanging(false);
        x.setLowerBound(Math.floor((min - 0.01 * unit) / unit) * unit);
        x.setUpperBound(Math.ceil((max + 0.01 * unit) / unit) * unit);
        x.setTickUnit(unit);
        x.setMinorTickCount(0);
    }

    /** A y axis whose range includes every value and every horizontal marker, with a little headroom. */
    private static NumberAxis yAxis(ChartData data) {
        double min = 0;
        double max = 0;
        for (ChartData.Series s : data.series()) {
            for (ChartData.Point p : s.points()) {
                min = Math.min(min, p.y());
                max = Math.max(max, p.y());
            }
        }
        for (ChartData.Marker m : data.markers()) {
            if (m.axis() == ChartData.Axis.Y) {
                min = Math.min(min, m.value());
                max = Math.max(max, m.value());
            }
        }
        double span = max - min;
        if (span <= 0) {
            span = 1;
            max = min + 1;
        }
        double unit = niceUnit(span / 5);
        double upper = Math.ceil((max + 0.08 * span) / unit) * unit;
        if (min >= 0 && max <= 1 && max > 0.4) {
            // Shares and accuracies: the axis ends just above 1 rather than at a meaningless 1.2.
            unit = 0.2;
            upper = 1.1;
        }
        NumberAxis y = new NumberAxis(Math.floor(min / unit) * unit, upper, unit);
        y.setLabel(data.yLabel());
        double step = unit;
        NumberAxis.DefaultFormatter plain = new NumberAxis.DefaultFormatter(y);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                // No label for a bound that is not a whole tick (the headroom above 1).
                double ticks = value.doubleValue() / step;
                return Math.abs(ticks - Math.rint(ticks)) > 1e-6 ? "" : plain.toString(value);
            }

            @Override
            public Number fromString(String s) {
                return plain.fromString(s);
            }
        });
        return y;
    }

    static double niceUnit(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    /** Lines and labels of the markers, placed in the plot area at each layout. */
    private static final class Markers {
        private final List<ChartData.Marker> markers;
        private final List<Line> lines = new ArrayList<>();
        private final List<Label> labels = new ArrayList<>();
        private final boolean logX;

        Markers(ChartData data, List<Node> plotChildren) {
            this.markers = data.markers();
            this.logX = data.logX();
            for (ChartData.Marker m : markers) {
                Line line = new Line();
                line.getStyleClass().add("chart-marker");
                Label label = new Label(m.label());
                label.getStyleClass().add("chart-marker-label");
                label.setManaged(false);
                lines.add(line);
                labels.add(label);
                plotChildren.add(line);
                plotChildren.add(label);
            }
        }

        <X> void layout(Axis<X> xAxis, NumberAxis yAxis) {
            double width = xAxis.getWidth();
            double height = yAxis.getHeight();
            for (int i = 0; i < markers.size(); i++) {
                ChartData.Marker m = markers.get(i);
                Line line = lines.get(i);
                Label label = labels.get(i);
                label.autosize();
                if (m.axis() == ChartData.Axis.Y) {
                    double py = yAxis.getDisplayPosition(m.value());
                    line.setStartX(0);
                    line.setEndX(width);
                    line.setStartY(py);
                    line.setEndY(py);
                    // Above the line in the lower half, below it in the upper half, where data near the top would hide it.
                    double ly = py < height / 2 ? py + 2 : py - label.getHeight() - 1;
                    label.relocate(Math.max(2, width - label.getWidth() - 4), ly);
                } else if (xAxis instanceof NumberAxis numbers) {
                    double value = logX ? Math.log10(m.value()) : m.value();
                    double px = numbers.getDisplayPosition(value);
                    line.setStartX(px);
                    line.setEndX(px);
                    line.setStartY(0);
                    line.setEndY(height);
                    double lx = px + 4 + label.getWidth() > width ? px - label.getWidth() - 4 : px + 4;
                    label.relocate(lx, 4 + (i % 2) * (label.getHeight() + 2));
                }
                line.toFront();
                label.toFront();
            }
        }
    }

    private static final class MarkedLineChart extends LineChart<Number, Number> {
        private final Markers markers;

        MarkedLineChart(NumberAxis x, NumberAxis y, ChartData data) {
            super(x, y);
            markers = new Markers(data, getPlotChildren());
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            markers.layout(getXAxis(), (NumberAxis) getYAxis());
        }
    }

    private static final class MarkedBarChart extends BarChart<String, Number> {
        private final Markers markers;

        MarkedBarChart(CategoryAxis x, NumberAxis y, ChartData data) {
            super(x, y);
            markers = new Markers(data, getPlotChildren());
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            markers.layout(getXAxis(), (NumberAxis) getYAxis());
        }
    }
}
