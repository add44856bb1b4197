package eu.urbanagenda.kb.ui;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.graphics.Image;

/** The text columns of the workbench's tables: a title, a width, and per row a text, a tooltip and an image. */
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
    public static <T> TableViewerColumn add(TableViewer viewer, String title, int width, int style,
            Function<T, String> text, Function<T, String> toolTip, Function<T, Image> image) {
        return add(viewer, title, width, style, new Labels<>(text, toolTip, image));
    }

    /**
     * Adds a column whose rows are labelled by {@code labels} (a {@link Labels} subclass for colours or fonts).
     *
     * @param width in pixels; 0 for as wide as the title
     * @param style the alignment ({@code SWT.LEFT}, {@code SWT.CENTER}, …)
     */
    public static TableViewerColumn add(TableViewer viewer, String title, int width, int style, Labels<?> labels) {
        TableViewerColumn column = new TableViewerColumn(viewer, style);
        column.getColumn().setText(title);
        if (width > 0) {
            column.getColumn().setWidth(width);
        } else {
            column.getColumn().pack();
        }
        column.setLabelProvider(labels);
        return column;
    }

    /** A row's text, tooltip and image from functions of the row (subclass it for colours or fonts). */
    public static class Labels<T> extends ColumnLabelProvider {

        private final Function<T, String> text;
        private final Function<T, String> toolTip;
        private final Function<T, Image> image;

        /** @param toolTip or {@code null} @param image or {@code null} */
        public Labels(Function<T, String> text, Function<T, String> toolTip, Function<T, Image> image) {
            this.text = text;
            this.toolTip = toolTip;
            this.image = image;
        }

        @SuppressWarnings("unchecked")
        @Override
        public String getText(Object element) {
            String value = text.apply((T) element);
            return value == null ? "" : value;
        }

        @SuppressWarnings("unchecked")
        @Override
        public String getToolTipText(Object element) {
            return toolTip == null ? null : toolTip.apply((T) element);
        }

        @SuppressWarnings("unchecked")
        @Override
        public Image getImage(Object element) {
            return image == null ? null : image.apply((T) element);
        }
    }
}
