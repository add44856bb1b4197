package eu.urbanagenda.kb.git;

import eu.urbanagenda.kb.compare.MergePlan;

/**
 * What a synchronization found after fetching: how this copy and the shared one stand to each other, and for
 * {@link Kind#FAST_FORWARD}, {@link Kind#ADOPT} and {@link Kind#MERGE} the merge that brings their changes here.
 *
 * @param kind   how the two copies stand
 * @param url    the shared repository's address (without password)
 * @param local  this copy's latest version
 * @param remote the shared repository's latest version, or {@code null} when it has none yet
 * @param base   their latest common version, or {@code null} when they have none
 * @param merge  their changes since {@code base} as a merge into this copy; {@code null} when there is nothing to take
 */
public record SyncPlan(Kind kind, String url, Version local, Version remote, Version base, MergePlan merge) {

    public enum Kind {
        /** Both have the same versions. */
        UP_TO_DATE,
        /** The shared copy has nothing this one lacks: only this copy's versions go there. */
        PUSH,
        /** This copy has nothing the shared one lacks: it moves to the shared version. */
        FAST_FORWARD,
        /** This copy was never changed (it holds the bundled knowledge base only): it starts from the shared one. */
        ADOPT,
        /** Both have versions the other lacks: their changes are merged here, then the merge goes there. */
        MERGE
    }

    /** Whether the user must choose in conflicts before the synchronization can go on. */
    public boolean hasConflicts() {
        return merge != null && !merge.conflicts().isEmpty();
    }
}
