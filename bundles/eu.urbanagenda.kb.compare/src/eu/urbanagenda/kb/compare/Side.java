package eu.urbanagenda.kb.compare;

/** The side of a merge whose change is taken in a conflict. */
public enum Side {
    /** This knowledge base's change (the local one). */
    MINE,
    /** The other side's change (the shared repository's, or the version being reverted to). */
    THEIRS
}
