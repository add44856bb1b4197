package eu.urbanagenda.kb.git;

import java.io.IOException;

import eu.urbanagenda.kb.git.internal.GitProblems;

/** A synchronization that could not be done, in one sentence naming the shared repository and the problem. */
public final class SyncException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem: each gets its own message (and the workbench asks for credentials on {@link #CREDENTIALS}). */
    public enum Kind {
        /** No shared repository was given yet. */
        NO_REMOTE,
        /** The address cannot be reached. */
        UNREACHABLE,
        /** The shared repository wants credentials or refused the ones given. */
        CREDENTIALS,
        /** The shared repository refused the changes. */
        REJECTED,
        /** The merge would leave the knowledge base invalid whatever is chosen. */
        INVALID,
        /** Anything else (a local problem, a damaged repository). */
        OTHER
    }

    private final Kind kind;

    public SyncException(Kind kind, String message, Throwable cause) {
        super(GitProblems.withoutPassword(message), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
