package eu.urbanagenda.kb.model.persistence;

import java.io.IOException;

/**
 * A knowledge-base file that cannot be loaded at all: unreadable, not well-formed XML, a DOCTYPE (refused: external
 * entities, entity expansion), or not a knowledge base. The message names the file, the line and the problem.
 */
public class KnowledgeBaseLoadException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public KnowledgeBaseLoadException(String file, int line, int column, String problem, Throwable cause) {
        super(file + ":" + line + ":" + column + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file (path or URI) that could not be loaded. */
    public String getFile() {
        return file;
    }

    /** The line of the problem, 1-based; 0 when unknown. */
    public int getLine() {
        return line;
    }

    /** The column of the problem, 1-based; 0 when unknown. */
    public int getColumn() {
        return column;
    }

    /** The problem alone, without the place. */
    public String getProblem() {
        return problem;
    }
}
