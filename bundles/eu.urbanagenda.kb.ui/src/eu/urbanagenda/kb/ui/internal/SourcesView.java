package eu.urbanagenda.kb.ui.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;

/** The source documents the product ships with (its seeds folder), with their titles. */
public class SourcesView extends ViewPart {

    public static final String ID = "eu.urbanagenda.kb.ui.views.sources";

    record Source(String fileName, String title, long size) {
    }

    private TableViewer viewer;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column("Title", 320, s -> s.title());
        column("File", 200, s -> s.fileName());
        column("Size", 70, s -> String.format("%,d B", s.size()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(readSeeds(seedsFolder()));
        getSite().setSelectionProvider(viewer);
    }

    private void column(String title, int width, java.util.function.Function<Source, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Source) element);
            }
        });
    }

    /** The product keeps its seeds beside the plug-ins; a development run names them with -Dkb.seeds. */
    static Path seedsFolder() {
        String explicit = System.getProperty("kb.seeds");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String root = System.getProperty("kb.root");
        if (root != null) {
            return Path.of(root, "seeds");
        }
        try {
            return Path.of(Platform.getInstallLocation().getURL().toURI()).resolve("seeds");
        } catch (Exception e) {
            return Path.of("seeds");
        }
    }

    static List<Source> readSeeds(Path folder) {
        List<Source> sources = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return sources;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                sources.add(new Source(file.getFileName().toString(), firstLine(file), Files.size(file)));
            }
        } catch (IOException e) {
            // An unreadable folder shows as empty; the title bar of the view says where it looked.
        }
        return sources;
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.replaceFirst("^#+\\s*", "").strip();
                if (!line.isEmpty()) {
                    return line.length() > 120 ? line.substring(0, 117) + "…" : line;
                }
            }
        }
        return file.getFileName().toString();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
