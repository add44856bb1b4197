package eu.urbanagenda.kb.ingest;

/** The format a document was extracted from. */
public enum DocumentFormat {
    /** Plain text in any supported encoding. */
    TEXT("text"),
    /** HTML or XHTML. */
    HTML("html"),
    /** PDF with a text layer. */
    PDF("pdf");

    private final String id;

    DocumentFormat(String id) {
        this.id = id;
    }

    /** @return the identifier stored in the index: {@code text}, {@code html} or {@code pdf} */
    public String id() {
        return id;
    }

    /**
     * @param id a format id such as {@code html}
     * @return the format with this {@link #id()}, or {@code null}
     */
    public static DocumentFormat fromId(String id) {
        for (DocumentFormat f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        return null;
    }
}
