package eu.urbanagenda.kb.ui.search.internal;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.graphics.Image;

/** The text columns of this bundle's tables: a title, a width, and per row a text, a tooltip and an image. */
public final class Columns {

    private Columns() {
    }

    /**
     * Adds a column.
     *
     * @param width   in pixels; 0 for as wide as the title
     * @param style   the alignment ({@code SWT.LEFT}, {@code SWT.CENTER}, …)
     * @param text    the text of a row
     * @param toolTip the tooltip of a row (shown where tooltips are enabled), or {@code null}
     * @param image   the image of a row, or {@code null}
     */
    @SuppressWarnings("unchecked")
    public static <T> TableViewerColumn add(TableViewer viewer, String title, int width, int style,
            Function<T, String> text, Function<T, String> toolTip, Function<T, Image> image) {
        TableViewerColumn column = new TableViewerColumn(viewer, style);
        column.getColumn().setText(title);
        if (width > 0) {
            column.getColumn().setWidth(width);
        } else {
            column.getColumn().pack();
        }
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                String value = text.apply((T) element);
                return value == null ? "" : value;
            }

            @Override
            public String getToolTipText(Object element) {
                return toolTip == null ? null : toolTip.apply((T) element);
            }

            @Override
            public Image getImage(Object element) {
                return image == null ? null : image.apply((T) element);
            }
        });
        return column;
    }
}
