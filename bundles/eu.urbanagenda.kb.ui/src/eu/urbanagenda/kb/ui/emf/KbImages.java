package eu.urbanagenda.kb.ui.emf;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.edit.provider.ComposedImage;
import org.eclipse.jface.resource.CompositeImageDescriptor;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;

/**
 * Turns the images of EMF item providers (a {@link URL}, an EMF {@link URI}, or a {@link ComposedImage} of those)
 * into SWT images, once each. The cache owns the images: whoever creates it disposes it.
 */
public final class KbImages {

    private final Map<Object, Image> images = new HashMap<>();
    private boolean disposed;

    /** The SWT image of an item provider's image object, or {@code null} when there is none or it cannot be read. */
    public Image get(Object key) {
        if (key == null || disposed) {
            return null;
        }
        if (key instanceof Image image) {
            return image;
        }
        Image image = images.get(key);
        if (image == null && !images.containsKey(key)) {
            ImageDescriptor descriptor = descriptor(key);
            image = descriptor == null ? null : descriptor.createImage(false);
            images.put(key, image);
        }
        return image;
    }

    /** An image descriptor for an item provider's image object, or {@code null}. */
    public static ImageDescriptor descriptor(Object key) {
        if (key instanceof ImageDescriptor descriptor) {
            return descriptor;
        }
        if (key instanceof URL url) {
            return ImageDescriptor.createFromURL(url);
        }
        if (key instanceof URI uri) {
            try {
                return ImageDescriptor.createFromURL(new URL(uri.toString()));
            } catch (MalformedURLException e) {
                return null;
            }
        }
        if (key instanceof ComposedImage composed) {
            return new Composed(composed);
        }
        return null;
    }

    /** Disposes every image made. */
    public void dispose() {
        disposed = true;
        for (Image image : images.values()) {
            if (image != null) {
                image.dispose();
            }
        }
        images.clear();
    }

    /** The layers of a composed image, drawn where the composed image says. */
    private static final class Composed extends CompositeImageDescriptor {

        private final ComposedImage composed;
        private final List<ImageData> layers = new ArrayList<>();
        private final Point size;
        private final List<ComposedImage.Point> points;

        Composed(ComposedImage composed) {
            this.composed = composed;
            List<ComposedImage.Size> sizes = new ArrayList<>();
            for (Object layer : composed.getImages()) {
                ImageDescriptor descriptor = descriptor(layer);
                ImageData data = descriptor == null ? null : descriptor.getImageData(100);
                layers.add(data);
                ComposedImage.Size layerSize = new ComposedImage.Size();
                layerSize.width = data == null ? 0 : data.width;
                layerSize.height = data == null ? 0 : data.height;
                sizes.add(layerSize);
            }
            ComposedImage.Size total = composed.getSize(sizes);
            size = new Point(Math.max(1, total.width), Math.max(1, total.height));
            points = composed.getDrawPoints(total);
        }

        @Override
        protected void drawCompositeImage(int width, int height) {
            for (int i = 0; i < layers.size() && i < points.size(); i++) {
                ImageData data = layers.get(i);
                if (data != null) {
                    ComposedImage.Point at = points.get(i);
                    drawImage(zoom -> zoom == 100 ? data : null, at.x, at.y);
                }
            }
        }

        @Override
        protected Point getSize() {
            return size;
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof Composed other && other.composed.equals(composed);
        }

        @Override
        public int hashCode() {
            return composed.hashCode();
        }
    }
}
