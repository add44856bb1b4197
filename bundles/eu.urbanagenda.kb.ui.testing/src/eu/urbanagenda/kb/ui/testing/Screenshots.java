package eu.urbanagenda.kb.ui.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Saves what a person would see: the pixels of a shell, as PNG under target/screenshots. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path folder() throws IOException {
        Path folder = Path.of(System.getProperty("kb.target", "target"), "screenshots");
        Files.createDirectories(folder);
        return folder;
    }

    /** Lets the display paint everything pending, then copies the shell's area from the screen. */
    public static Path take(Shell shell, String name) throws IOException {
        Display display = shell.getDisplay();
        UiWait.idle(display);
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        try {
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            Path file = folder().resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            image.dispose();
        }
    }
}
