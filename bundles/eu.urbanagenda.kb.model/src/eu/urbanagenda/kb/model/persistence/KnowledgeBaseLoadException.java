package eu.urbanagenda.kb.model.persistence;

import java.io.IOException;
import java.util.List;

/**
 * A knowledge-base file that is refused: it cannot be read at all (missing, not a regular file, cut off, not
 * well-formed XML, invalid UTF-8, a DOCTYPE, not a knowledge base), or it was read with problems (dangling references,
 * duplicate ids, references outside the file, unknown elements, bad values) and so would not be the whole knowledge
 * base. The message is {@code file:line:column: problem} (just {@code file: problem} when no line is known) for the
 * first problem; {@link #getProblems()} lists them all.
 */
public class KnowledgeBaseLoadException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    private final transient List<LoadProblem> problems;

    /** A file that cannot be read at all, for one reason. */
    public KnowledgeBaseLoadException(String file, int line, int column, String problem, Throwable cause) {
        this(file, line, column, problem, List.of(new LoadProblem(LoadProblem.Kind.UNREADABLE, file, line, column, problem)), cause);
    }

    /** A file read with problems (at least one); the first one is the message. */
    public KnowledgeBaseLoadException(List<LoadProblem> problems) {
        this(problems.get(0).file(), problems.get(0).line(), problems.get(0).column(), summary(problems), problems, null);
    }

    private KnowledgeBaseLoadException(String file, int line, int column, String problem, List<LoadProblem> problems, Throwable cause) {
        super((line > 0 ? file + ":" + line + ":" + column : file) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.problems = List.copyOf(problems);
    }

    private static String summary(List<LoadProblem> problems) {
        LoadProblem first = problems.get(0);
        String more = problems.size() == 1 ? "" : problems.size() == 2 ? " (and 1 more problem)" : " (and " + (problems.size() - 1) + " more problems)";
        return first.kind().words() + ": " + first.message() + more;
    }

    /** The file (path or URI) that was refused. */
    public String getFile() {
        return file;
    }

    /** The line of the (first) problem, 1-based; 0 when unknown. */
    public int getLine() {
        return line;
    }

    /** The column of the (first) problem, 1-based; 0 when unknown. */
    public int getColumn() {
        return column;
    }

    /** The (first) problem alone, without the place. */
    public String getProblem() {
        return problem;
    }

    /** Every problem found, in the order of the file; one for a file that cannot be read at all. */
    public List<LoadProblem> getProblems() {
        return problems;
    }
}
