package eu.urbanagenda.kb.model.persistence;

/**
 * Something wrong in a knowledge-base file that did not stop it from loading, e.g. a reference to an id no object
 * has. {@code line} and {@code column} are 1-based, 0 when unknown.
 */
public record LoadProblem(Kind kind, String file, int line, int column, String message) {

    /** What went wrong. */
    public enum Kind {
        /** A reference names an id that no object in the file has; the reference is left empty. */
        DANGLING_REFERENCE,
        /** An element or attribute the model does not have; it is skipped. */
        UNKNOWN_FEATURE,
        /** A value that does not fit its feature (e.g. an unknown enumeration literal or a bad date). */
        ILLEGAL_VALUE,
        /** Anything else the XMI loader reported. */
        OTHER
    }

    /** {@code file:line:column: message}, the way compilers name a place in a file. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + kind.name().toLowerCase().replace('_', ' ') + ": " + message;
    }
}
