package eu.urbanagenda.kb.index;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.ExtractionSettings;

/**
 * What {@link KbIndex#update} indexes: files and folders (recursively), with options. Build with {@link #of(Path...)}
 * or {@link #builder()}.
 *
 * @param sources files and folders; documents under them that no longer exist are removed
 * @param encodingOverrides folder → encoding for files under it that have no BOM and are not valid UTF-8
 * @param maxFileSize larger files are skipped
 * @param threads worker threads for reading, extracting and analysing
 * @param commitEveryDocuments commit after this many changed documents (0: by time, every 60 s)
 * @param ocrLanguages folder → Tesseract languages (e.g. {@code [ukr]}) for scans and images under it; elsewhere
 *            Ukrainian, Bulgarian and English are tried, then the language detected
 * @param extraction time limits, OCR cache and Tesseract command; its size limit and cancellation are set by the run
 */
public record UpdateRequest(List<Path> sources, Map<Path, Charset> encodingOverrides, long maxFileSize, int threads,
        int commitEveryDocuments, Map<Path, List<String>> ocrLanguages, ExtractionSettings extraction) {

    /**
     * @param sources files and folders
     * @return a request with default options
     */
    public static UpdateRequest of(Path... sources) {
        return builder().sources(List.of(sources)).build();
    }

    /** @return a builder with default options */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link UpdateRequest}. */
    public static final class Builder {
        private final List<Path> sources = new ArrayList<>();
        private final Map<Path, Charset> overrides = new LinkedHashMap<>();
        private long maxFileSize = DocumentExtractor.DEFAULT_MAX_FILE_SIZE;
        private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int commitEvery;
        private final Map<Path, List<String>> ocrLanguages = new LinkedHashMap<>();
        private ExtractionSettings extraction = ExtractionSettings.DEFAULT;

        /** A builder with the default options; see {@link UpdateRequest#builder()}. */
        Builder() {
        }

        /**
         * @param paths files and folders to add
         * @return this
         */
        public Builder sources(Collection<Path> paths) {
            sources.addAll(paths);
            return this;
        }

        /**
         * @param path a file or folder to add
         * @return this
         */
        public Builder source(Path path) {
            sources.add(path);
            return this;
        }

        /**
         * @param folder a folder
         * @param encoding the encoding of its files (unless they have a BOM or are valid UTF-8)
         * @return this
         */
        public Builder encoding(Path folder, Charset encoding) {
            overrides.put(folder, encoding);
            return this;
        }

        /**
         * @param bytes the size limit (default 64 MiB)
         * @return this
         */
        public Builder maxFileSize(long bytes) {
            this.maxFileSize = bytes;
            return this;
        }

        /**
         * @param n worker threads (default: processors, at most 4)
         * @return this
         */
        public Builder threads(int n) {
            this.threads = Math.max(1, n);
            return this;
        }

        /**
         * @param documents commit after this many added, updated or removed documents (default 0: every 60 s)
         * @return this
         */
        public Builder commitEveryDocuments(int documents) {
            this.commitEvery = Math.max(0, documents);
            return this;
        }

        /**
         * @param folder a folder
         * @param languages the Tesseract languages of the scans and images under it (e.g. {@code ukr}, {@code bul})
         * @return this
         */
        public Builder ocrLanguages(Path folder, List<String> languages) {
            ocrLanguages.put(folder, List.copyOf(languages));
            return this;
        }

        /**
         * @param settings time limits, OCR cache (default: {@code ocr-cache} in the index folder) and Tesseract command
         * @return this
         */
        public Builder extraction(ExtractionSettings settings) {
            this.extraction = settings;
            return this;
        }

        /** @return the request */
        public UpdateRequest build() {
            return new UpdateRequest(List.copyOf(sources), Map.copyOf(overrides), maxFileSize, threads, commitEvery,
                    Map.copyOf(ocrLanguages), extraction);
        }
    }
}
