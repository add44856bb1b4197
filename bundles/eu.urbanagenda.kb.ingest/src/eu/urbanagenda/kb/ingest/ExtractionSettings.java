package eu.urbanagenda.kb.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The limits and resources of one extraction run (see {@link DocumentExtractor}). Build with {@link #builder()}.
 *
 * @param maxFileSize larger files (and archive members) are skipped
 * @param timeLimit how long reading one document may take, OCR pages aside (a parser that hangs is given up)
 * @param ocrPageTimeLimit how long Tesseract may take for one page
 * @param maxTextChars text beyond this many characters is cut off (bounded memory for huge or hostile documents)
 * @param maxArchiveDepth archives inside archives are read this many levels deep
 * @param maxArchiveMembers an archive with more members is skipped
 * @param maxArchiveRatio an archive whose members unpack to more than this many times its size is skipped as a
 *            decompression bomb
 * @param ocrCache the folder that keeps OCR results per file checksum, or {@code null} for none
 * @param tesseract the Tesseract command
 * @param cancelled tells long work (OCR) to stop; the document in progress is then given up
 */
public record ExtractionSettings(long maxFileSize, Duration timeLimit, Duration ocrPageTimeLimit, int maxTextChars,
        int maxArchiveDepth, int maxArchiveMembers, int maxArchiveRatio, Path ocrCache, String tesseract,
        BooleanSupplier cancelled) {

    /** The default settings: 64 MiB, 120 s a document, 300 s an OCR page, no OCR cache. */
    public static final ExtractionSettings DEFAULT = builder().build();

    /** @return a builder with the default settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with these settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxFileSize = maxFileSize;
        b.timeLimit = timeLimit;
        b.ocrPageTimeLimit = ocrPageTimeLimit;
        b.maxTextChars = maxTextChars;
        b.maxArchiveDepth = maxArchiveDepth;
        b.maxArchiveMembers = maxArchiveMembers;
        b.maxArchiveRatio = maxArchiveRatio;
        b.ocrCache = ocrCache;
        b.tesseract = tesseract;
        b.cancelled = cancelled;
        return b;
    }

    /** Builder of {@link ExtractionSettings}. */
    public static final class Builder {
        private long maxFileSize = DocumentExtractor.DEFAULT_MAX_FILE_SIZE;
        private Duration timeLimit = Duration.ofSeconds(120);
        private Duration ocrPageTimeLimit = Duration.ofSeconds(300);
        private int maxTextChars = 20_000_000;
        private int maxArchiveDepth = 3;
        private int maxArchiveMembers = 10_000;
        private int maxArchiveRatio = 200;
        private Path ocrCache;
        private String tesseract = "tesseract";
        private BooleanSupplier cancelled = () -> false;

        Builder() {
        }

        /** @param bytes the size limit of a file or archive member @return this */
        public Builder maxFileSize(long bytes) {
            this.maxFileSize = bytes;
            return this;
        }

        /** @param limit how long reading one document may take (OCR pages aside) @return this */
        public Builder timeLimit(Duration limit) {
            this.timeLimit = limit;
            return this;
        }

        /** @param limit how long Tesseract may take for one page @return this */
        public Builder ocrPageTimeLimit(Duration limit) {
            this.ocrPageTimeLimit = limit;
            return this;
        }

        /** @param chars text beyond this is cut off @return this */
        public Builder maxTextChars(int chars) {
            this.maxTextChars = chars;
            return this;
        }

        /** @param depth archives inside archives are read this deep @return this */
        public Builder maxArchiveDepth(int depth) {
            this.maxArchiveDepth = depth;
            return this;
        }

        /** @param folder where OCR results are kept per file checksum, or {@code null} @return this */
        public Builder ocrCache(Path folder) {
            this.ocrCache = folder;
            return this;
        }

        /** @param command the Tesseract command (a name on the PATH or a path) @return this */
        public Builder tesseract(String command) {
            this.tesseract = command;
            return this;
        }

        /** @param check tells long work to stop @return this */
        public Builder cancelled(BooleanSupplier check) {
            this.cancelled = check;
            return this;
        }

        /** @return the settings */
        public ExtractionSettings build() {
            return new ExtractionSettings(maxFileSize, timeLimit, ocrPageTimeLimit, maxTextChars, maxArchiveDepth,
                    maxArchiveMembers, maxArchiveRatio, ocrCache, tesseract, cancelled);
        }
    }
}
