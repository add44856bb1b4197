package eu.urbanagenda.kb.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a view, editor or form page releases when it is disposed: its {@link SessionFollower}, fonts and colours, jobs,
 * bindings, label providers. Each is released once, in the order it was added; one that fails does not keep the
 * others from being released (the first failure is thrown after all have run).
 */
public final class PartResources {

    private final List<Runnable> releases = new ArrayList<>();

    /**
     * @param resource what the part holds until it is disposed
     * @param release how to release it
     * @return {@code resource}
     */
    public <T> T add(T resource, Consumer<? super T> release) {
        releases.add(() -> release.accept(resource));
        return resource;
    }

    /** Runs {@code release} when the part is disposed: for what the part replaces while it lives (the running job). */
    public void onDispose(Runnable release) {
        releases.add(release);
    }

    /**
     * Releases everything added so far, then runs {@code then} (the part's own {@code super.dispose()}) even if a
     * release failed.
     */
    public void dispose(Runnable then) {
        try {
            dispose();
        } finally {
            then.run();
        }
    }

    /** Releases everything added so far. */
    public void dispose() {
        RuntimeException first = null;
        for (Runnable release : releases) {
            try {
                release.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        releases.clear();
        if (first != null) {
            throw first;
        }
    }
}
