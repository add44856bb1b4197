package eu.urbanagenda.kb.ui.edit;

import eu.urbanagenda.kb.link.LinkOptions;

/**
 * The score from which the linker ({@code eu.urbanagenda.kb.link}) proposes a document as evidence of a partnership:
 * its default threshold, {@link LinkOptions#DEFAULT_THRESHOLD}. One place for the workbench to read it.
 */
public final class LinkThreshold {

    private LinkThreshold() {
    }

    /** The threshold in use. */
    public static double value() {
        return LinkOptions.DEFAULT_THRESHOLD;
    }

    /** Whether the value comes from the linker itself (it does, since the link bundle is part of the build). */
    public static boolean fromLinker() {
        return true;
    }
}
