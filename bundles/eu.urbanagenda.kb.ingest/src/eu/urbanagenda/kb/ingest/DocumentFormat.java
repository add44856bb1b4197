package eu.urbanagenda.kb.ingest;

/** The format a document was extracted from; {@link #id()} is what the index stores and searches filter by. */
public enum DocumentFormat {
    /** Plain text in any supported encoding. */
    TEXT("text"),
    /** HTML or XHTML. */
    HTML("html"),
    /** PDF (with a text layer, or read by OCR). */
    PDF("pdf"),
    /** Word 2007 and later. */
    DOCX("docx"),
    /** Word 97–2003. */
    DOC("doc"),
    /** OpenDocument text. */
    ODT("odt"),
    /** OpenDocument spreadsheet. */
    ODS("ods"),
    /** OpenDocument presentation. */
    ODP("odp"),
    /** Rich Text Format. */
    RTF("rtf"),
    /** EPUB e-book. */
    EPUB("epub"),
    /** Excel 2007 and later. */
    XLSX("xlsx"),
    /** Excel 97–2003. */
    XLS("xls"),
    /** PowerPoint 2007 and later. */
    PPTX("pptx"),
    /** PowerPoint 97–2003. */
    PPT("ppt"),
    /** E-mail message (RFC 822, {@code .eml}). */
    EML("eml"),
    /** Outlook message ({@code .msg}). */
    MSG("msg"),
    /** An image (JPEG, PNG, TIFF) read by OCR. */
    IMAGE("image");

    private final String id;

    DocumentFormat(String id) {
        this.id = id;
    }

    /** @return the identifier stored in the index, e.g. {@code text}, {@code pdf}, {@code docx} */
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
