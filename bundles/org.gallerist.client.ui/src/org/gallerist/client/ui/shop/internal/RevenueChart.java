package org.gallerist.client.ui.shop.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.gallerist.api.order.SalesTotal;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Revenue per period as a JFreeChart bar chart, drawn into an image the size of the canvas whenever the data or the
 * size changes (JFreeChart draws with Java2D; SWT shows the pixels). Oldest period on the left.
 */
public final class RevenueChart {
    private final Canvas canvas;
    private List<SalesTotal> periods = List.of();
    private String periodLabel = "Day";
    private Image rendered;

    public RevenueChart(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addListener(SWT.Resize, event -> discard());
        canvas.addListener(SWT.Paint, event -> paint(event.gc));
        canvas.addListener(SWT.Dispose, event -> discard());
    }

    public Canvas control() {
        return canvas;
    }

    /** @param newest the periods as the server lists them, newest first */
    public void show(List<SalesTotal> newest, String label) {
        periods = List.copyOf(newest).reversed();
        periodLabel = label;
        discard();
        canvas.redraw();
    }

    private void paint(GC gc) {
        Point size = canvas.getSize();
        if (size.x < 20 || size.y < 20) {
            return;
        }
        if (rendered == null) {
            rendered = new Image(canvas.getDisplay(), toImageData(chart().createBufferedImage(size.x, size.y)));
        }
        gc.drawImage(rendered, 0, 0);
    }

    private JFreeChart chart() {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (SalesTotal period : periods) {
            dataset.addValue(period.revenue(), "Revenue", period.period());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, periodLabel, "Revenue", dataset, PlotOrientation.VERTICAL,
                false, true, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xF7, 0xF7, 0xF7));
        plot.setRangeGridlinePaint(new Color(0xC0, 0xC0, 0xC0));
        plot.setNoDataMessage("No sales yet");
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        plot.getDomainAxis().setCategoryLabelPositions(periods.size() > 8 ? CategoryLabelPositions.UP_45
                : CategoryLabelPositions.STANDARD);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        renderer.setSeriesPaint(0, new Color(0x35, 0x84, 0xE4));
        return chart;
    }

    private static ImageData toImageData(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                row[x] &= 0xFFFFFF;
            }
            data.setPixels(0, y, width, row, 0);
        }
        return data;
    }

    private void discard() {
        if (rendered != null) {
            rendered.dispose();
            rendered = null;
        }
    }
}
