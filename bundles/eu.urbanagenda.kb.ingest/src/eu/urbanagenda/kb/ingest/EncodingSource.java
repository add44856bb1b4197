package eu.urbanagenda.kb.ingest;

/** How the character encoding of a document was determined (see {@link TextDecoder}). */
public enum EncodingSource {
    /** A byte order mark (UTF-8, UTF-16 or UTF-32). */
    BOM,
    /** The bytes are valid UTF-8 (ASCII included). */
    UTF8,
    /** UTF-16 without a byte order mark, recognised by its byte pattern. */
    UTF16_PATTERN,
    /** The charset declared by an HTML {@code <meta>} element or an XML declaration. */
    HTML_META,
    /** Detection among the Cyrillic single-byte encodings. */
    DETECTED,
    /** Detection chose KOI8-R and the repair step found Ukrainian letters only KOI8-U has. */
    KOI8U_REPAIR,
    /** An encoding configured for the document's folder. */
    OVERRIDE,
    /** No character decoding (PDF). */
    NONE
}
