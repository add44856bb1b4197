package eu.urbanagenda.kb.ui;

import org.eclipse.ui.part.ViewPart;

/** A view of the knowledge base: what it holds (its {@link SessionFollower} first) is released when it is closed. */
public abstract class KbViewPart extends ViewPart {

    /** Released in {@link #dispose()}. */
    protected final PartResources resources = new PartResources();

    /** Starts following the session for this view; the follower is disposed with the view. */
    protected final SessionFollower follow(SessionFollower.Listener listener) {
        return resources.add(new SessionFollower(getSite(), listener), SessionFollower::dispose);
    }

    @Override
    public void dispose() {
        resources.dispose(super::dispose);
    }
}
