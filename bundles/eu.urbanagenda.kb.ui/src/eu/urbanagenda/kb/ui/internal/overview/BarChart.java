package eu.urbanagenda.kb.ui.internal.overview;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A bar chart drawn with SWT: categories (partnerships, years) with one bar each, stacked by series (languages), a
 * legend, and the totals written at the bars. Horizontal bars suit long category names, vertical ones years.
 */
public class BarChart extends Canvas {

    /** One series of the stack, e.g. a language. */
    public record Series(String name, Color color) {
    }

    /** One bar: its label and a value per series. */
    public record Bar(String label, long[] values) {

        long total() {
            long total = 0;
            for (long value : values) {
                total += value;
            }
            return total;
        }
    }

    private final boolean horizontal;
    private String title = "";
    private String emptyText = "";
    private List<Series> series = List.of();
    private List<Bar> bars = List.of();
    private final Font titleFont;

    public BarChart(Composite parent, boolean horizontal) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.horizontal = horizontal;
        FontData[] data = getFont().getFontData();
        for (FontData each : data) {
            each.setStyle(SWT.BOLD);
        }
        titleFont = new Font(getDisplay(), data);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        addPaintListener(e -> paint(e.gc));
        addDisposeListener(e -> titleFont.dispose());
    }

    /** Shows new data (on the UI thread). */
    public void setData(String chartTitle, List<Series> chartSeries, List<Bar> chartBars, String whenEmpty) {
        this.title = chartTitle;
        this.series = List.copyOf(chartSeries);
        this.bars = new ArrayList<>(chartBars);
        this.emptyText = whenEmpty;
        redraw();
    }

    public List<Bar> getBars() {
        return bars;
    }

    public String getTitle() {
        return title;
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        int height = horizontal ? 60 + bars.size() * 22 : 220;
        return new Point(wHint == SWT.DEFAULT ? 400 : wHint, hHint == SWT.DEFAULT ? height : hHint);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setAntialias(SWT.ON);
        gc.setFont(titleFont);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawString(shorten(gc, title, area.width - 16), 8, 4, true);
        int line = gc.getFontMetrics().getHeight();
        gc.setFont(getFont());
        int legendY = 4 + line + 2;
        int legendX = 8;
        for (Series each : series) {
            int textWidth = gc.textExtent(each.name()).x;
            if (legendX + 16 + textWidth > area.width - 4 && legendX > 8) {
                legendX = 8;
                legendY += line;
            }
            gc.setBackground(each.color());
            gc.fillRectangle(legendX, legendY + (line - 10) / 2, 10, 10);
            gc.drawString(each.name(), legendX + 14, legendY, true);
            legendX += 14 + textWidth + 14;
        }
        int top = legendY + line + 6;
        if (bars.isEmpty() || bars.stream().allMatch(b -> b.total() == 0)) {
            gc.drawString(emptyText, 8, top + 8, true);
            return;
        }
        long max = bars.stream().mapToLong(Bar::total).max().orElse(1);
        if (horizontal) {
            paintHorizontal(gc, area, top, max);
        } else {
            paintVertical(gc, area, top, max);
        }
    }

    private void paintHorizontal(GC gc, Rectangle area, int top, long max) {
        int lineHeight = gc.getFontMetrics().getHeight();
        int available = Math.max(1, area.height - top - 4);
        int rowHeight = Math.max(lineHeight + 2, Math.min(lineHeight + 8, available / Math.max(1, bars.size())));
        int fitting = Math.max(1, available / rowHeight);
        int labelWidth = 0;
        for (Bar bar : bars) {
            labelWidth = Math.max(labelWidth, gc.textExtent(bar.label()).x);
        }
        labelWidth = Math.min(labelWidth, area.width * 2 / 5);
        int x0 = 8 + labelWidth + 8;
        int usable = Math.max(20, area.width - x0 - 50);
        int y = top;
        int shown = 0;
        for (Bar bar : bars) {
            if (++shown == fitting && bars.size() > fitting) {
                gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
                gc.drawString("… +" + (bars.size() - fitting + 1), 8, y + (rowHeight - lineHeight) / 2, true);
                break;
            }
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            gc.drawString(shorten(gc, bar.label(), labelWidth), 8, y + (rowHeight - lineHeight) / 2, true);
            int x = x0;
            for (int s = 0; s < bar.values().length && s < series.size(); s++) {
                int width = (int) Math.round((double) bar.values()[s] * usable / max);
                if (width > 0) {
                    gc.setBackground(series.get(s).color());
                    gc.fillRectangle(x, y + 2, width, rowHeight - 4);
                    x += width;
                }
            }
            gc.drawString(Long.toString(bar.total()), x + 5, y + (rowHeight - lineHeight) / 2, true);
            y += rowHeight;
        }
    }

    private void paintVertical(GC gc, Rectangle area, int top, long max) {
        int lineHeight = gc.getFontMetrics().getHeight();
        int bottom = area.height - lineHeight - 10;
        int usable = Math.max(20, bottom - top - lineHeight - 4);
        int slot = Math.max(8, (area.width - 16) / Math.max(1, bars.size()));
        int barWidth = Math.max(4, Math.min(48, slot * 2 / 3));
        int x = 8;
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawLine(8, bottom, area.width - 8, bottom);
        for (Bar bar : bars) {
            int y = bottom;
            int barX = x + (slot - barWidth) / 2;
            for (int s = 0; s < bar.values().length && s < series.size(); s++) {
                int height = (int) Math.round((double) bar.values()[s] * usable / max);
                if (height > 0) {
                    gc.setBackground(series.get(s).color());
                    gc.fillRectangle(barX, y - height, barWidth, height);
                    y -= height;
                }
            }
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            String total = Long.toString(bar.total());
            gc.drawString(total, barX + (barWidth - gc.textExtent(total).x) / 2, y - lineHeight - 1, true);
            String label = shorten(gc, bar.label(), slot);
            gc.drawString(label, x + (slot - gc.textExtent(label).x) / 2, bottom + 4, true);
            x += slot;
        }
    }

    private static String shorten(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        String shorter = text;
        while (shorter.length() > 1 && gc.textExtent(shorter + "…").x > width) {
            shorter = shorter.substring(0, shorter.length() - 1);
        }
        return shorter + "…";
    }
}
