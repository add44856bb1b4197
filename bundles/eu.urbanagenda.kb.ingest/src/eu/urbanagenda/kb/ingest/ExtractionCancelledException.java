package eu.urbanagenda.kb.ingest;

/** Reading a document was cancelled (see {@link ExtractionSettings#cancelled()}); nothing of it is kept. */
public class ExtractionCancelledException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param what the file */
    public ExtractionCancelledException(String what) {
        super("cancelled while reading " + what);
    }
}
