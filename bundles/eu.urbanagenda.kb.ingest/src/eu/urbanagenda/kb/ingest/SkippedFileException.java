package eu.urbanagenda.kb.ingest;

import java.nio.file.Path;

/**
 * A file that cannot be ingested: binary, empty, too large, unreadable or without usable text. The message names the
 * file and the reason; {@link #reason()} is the reason alone.
 */
public class SkippedFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The file (not serialised). */
    private final transient Path file;
    /** The reason without the file name. */
    private final String reason;
    /** Whether a tool the file needs is missing, so that it is read again next time. */
    private final boolean retry;

    /**
     * @param file the file
     * @param reason a short, human-readable reason, e.g. "binary file (PNG image)"
     */
    public SkippedFileException(Path file, String reason) {
        this(file, reason, null);
    }

    /**
     * @param file the file
     * @param reason a short, human-readable reason
     * @param cause the underlying error, if any
     */
    public SkippedFileException(Path file, String reason, Throwable cause) {
        this(file, reason, cause, false);
    }

    /**
     * @param file the file
     * @param reason a short, human-readable reason
     * @param cause the underlying error, if any
     * @param retry whether the file can be read once something missing is installed (OCR), so that it must be tried
     *            again on the next run even if it did not change
     */
    public SkippedFileException(Path file, String reason, Throwable cause, boolean retry) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
        this.retry = retry;
    }

    /** @return whether the file can be read once something missing is installed */
    public boolean retry() {
        return retry;
    }

    /** @return the file that was skipped */
    public Path file() {
        return file;
    }

    /** @return why it was skipped, without the file name */
    public String reason() {
        return reason;
    }
}
