package eu.urbanagenda.kb.model.persistence;

/**
 * Something wrong in a knowledge-base file, e.g. a reference to an id no object has. A file with any such problem is
 * refused by {@link KnowledgeBaseFiles#load(java.nio.file.Path)}; {@link KnowledgeBaseFiles#inspect(java.nio.file.Path)}
 * lists them all. {@code line} and {@code column} are 1-based, 0 when unknown.
 */
public record LoadProblem(Kind kind, String file, int line, int column, String message) {

    /** What went wrong. */
    public enum Kind {
        /** The file cannot be read as a knowledge base at all: cut off, not well-formed XML, invalid bytes, not a file. */
        UNREADABLE,
        /** A reference names an id that no object in the file has. */
        DANGLING_REFERENCE,
        /** Two objects have the same id, so references to it are ambiguous. */
        DUPLICATE_ID,
        /** A reference or namespace points outside the file (another file, a web address); nothing outside is opened. */
        OUTSIDE_REFERENCE,
        /** An element or attribute the model does not have. */
        UNKNOWN_FEATURE,
        /** A value that does not fit its feature (e.g. an unknown enumeration literal or a bad date). */
        ILLEGAL_VALUE,
        /** Anything else the XMI loader reported. */
        OTHER;

        /** The kind in words, e.g. "dangling reference". */
        public String words() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** {@code file:line:column: kind: message}, the way compilers name a place in a file ({@code file: …} with no line). */
    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line + ":" + column : file) + ": " + kind.words() + ": " + message;
    }
}
