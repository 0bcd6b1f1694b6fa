package dev.modelport.admin.metrics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** A time series chart with a legend, rendered on the server to SVG markup. */
final class LineChart {

    static final int WIDTH = 560;
    static final int HEIGHT = 240;
    /** Lines with fewer points than this also get dots: one point alone draws no line. */
    private static final int DOTS_BELOW = 30;

    /** One named line, its values in time order; where there is nothing to show it joins across. */
    record Line(String name, List<Value> values) {
    }

    record Value(Instant time, double value) {
    }

    private LineChart() {
    }

    /** A chart whose time axis spans {@code from} to {@code to} whatever the lines hold. */
    static String svg(String title, String unit, Instant from, Instant to, List<Line> lines) {
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart(title, unit, from, to, lines).draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        return svg.getSVGElement();
    }

    static JFreeChart chart(String title, String unit, Instant from, Instant to, List<Line> lines) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (Line line : lines) {
            TimeSeries series = new TimeSeries(line.name());
            line.values().forEach(value -> series.addOrUpdate(new Millisecond(Date.from(value.time())), value.value()));
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, unit, data, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xF7F8FA));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        ((DateAxis) plot.getDomainAxis()).setRange(Date.from(from), Date.from(to));
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int series = 0; series < lines.size(); series++) {
            renderer.setSeriesStroke(series, new BasicStroke(2f));
            renderer.setSeriesShape(series, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            renderer.setSeriesShapesVisible(series, lines.get(series).values().size() < DOTS_BELOW);
        }
        // every value here is a rate, a time or a size: the axis starts at zero, and a flat zero
        // line gets a unit of room instead of JFreeChart's ±1e-8 around it
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(true);
        double highest = lines.stream().flatMap(line -> line.values().stream()).mapToDouble(Value::value).max().orElse(0);
        if (highest <= 0) {
            range.setRange(0, 1);
        }
        plot.setNoDataMessage("no traffic in this window");
        return chart;
    }
}
