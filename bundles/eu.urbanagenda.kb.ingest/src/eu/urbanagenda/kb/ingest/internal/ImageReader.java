package eu.urbanagenda.kb.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Images (JPEG, PNG, TIFF) for OCR: their size is read from the header alone, so that a decompression bomb (a small
 * file that decodes to billions of pixels) is refused before anything decodes it.
 */
public final class ImageReader {

    /** Images with more pixels than this (a page at 600 dpi has about 35 million) are refused. */
    public static final long MAX_PIXELS = 150_000_000L;

    /**
     * An image's header.
     *
     * @param width width in pixels
     * @param height height in pixels
     * @param pages pages (frames of a TIFF)
     */
    public record Header(int width, int height, int pages) {
    }

    private ImageReader() {
    }

    /**
     * @param bytes the image file
     * @return its header
     * @throws IOException if it is no readable image or too large; the message is the reason
     */
    public static Header header(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("damaged or unknown image");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                int pages = Math.max(1, reader.getNumImages(true));
                if ((long) w * h * pages > MAX_PIXELS) {
                    throw new IOException("image too large to read (" + w + " × " + h + " pixels"
                            + (pages > 1 ? " × " + pages + " pages" : "") + "; a decompression bomb?)");
                }
                return new Header(w, h, pages);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("damaged image (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The image as one OCR "page" (Tesseract reads every frame of a TIFF in one go).
     *
     * @param bytes the image file
     * @param extension its extension, for Tesseract
     * @return the page images; close to delete the temporary file
     */
    public static TempImage page(byte[] bytes, String extension) {
        return new TempImage(bytes, extension);
    }

    /** An image written to a temporary file for Tesseract. */
    public static final class TempImage implements OcrReader.PageImages, AutoCloseable {
        private final byte[] bytes;
        private final String extension;
        private Path file;

        TempImage(byte[] bytes, String extension) {
            this.bytes = bytes;
            this.extension = extension;
        }

        @Override
        public int count() {
            return 1;
        }

        @Override
        public int dpi() {
            return 0;
        }

        @Override
        public Path image(int page) throws IOException {
            if (file == null) {
                file = Files.createTempFile("kb-image", "." + extension);
                Files.write(file, bytes);
            }
            return file;
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
