package eu.urbanagenda.kb.ui.edit;

/**
 * The score from which the linker (the coming {@code eu.urbanagenda.kb.link} bundle) suggests a document as evidence
 * of a partnership. Until that bundle is part of the build, the value lives here, in one place.
 */
public final class LinkThreshold {

    /** Evidence scored at or above this is suggested; below it, the linker stays silent. */
    public static final double SUGGESTION_THRESHOLD = 0.35;

    private LinkThreshold() {
    }

    /** The threshold in use. */
    public static double value() {
        return SUGGESTION_THRESHOLD;
    }

    /** Where the value comes from, for the Sources page's label. */
    public static boolean fromLinker() {
        return false;
    }
}
