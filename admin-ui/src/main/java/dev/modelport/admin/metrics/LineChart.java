package dev.modelport.admin.metrics;

import dev.modelport.admin.metrics.MetricsHistory.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** A time series chart, one line per version, rendered on the server to SVG markup. */
final class LineChart {

    static final int WIDTH = 560;
    static final int HEIGHT = 240;

    private LineChart() {
    }

    static String svg(String title, String unit, List<Point> points, ToDoubleFunction<Point> value) {
        Map<Integer, TimeSeries> lines = new TreeMap<>();
        for (Point point : points) {
            lines.computeIfAbsent(point.version(), version -> new TimeSeries("v" + version))
                    .addOrUpdate(new Millisecond(Date.from(point.time())), value.applyAsDouble(point));
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        lines.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, unit, data, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xF7F8FA));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        for (int series = 0; series < data.getSeriesCount(); series++) {
            plot.getRenderer().setSeriesStroke(series, new BasicStroke(2f));
        }
        if (points.isEmpty()) {
            plot.setNoDataMessage("collecting: a point every 10 s");
        }
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        return svg.getSVGElement();
    }
}
