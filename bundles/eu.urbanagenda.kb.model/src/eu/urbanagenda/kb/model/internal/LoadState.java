package eu.urbanagenda.kb.model.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far one load of a {@link KnowledgeBaseResource} got: whether the parser reached the end of the document, and
 * which elements were open where it stopped (to say where a cut-off file ends).
 */
public final class LoadState {

    /** An element that was started and not yet ended. */
    public record OpenElement(String name, String id, int line) {
    }

    private final Deque<OpenElement> open = new ArrayDeque<>();
    private boolean complete;
    private boolean sameFileProxies;

    void started(OpenElement element) {
        open.push(element);
    }

    void ended() {
        open.poll();
    }

    void completed() {
        complete = true;
    }

    void sameFileProxy() {
        sameFileProxies = true;
    }

    /** Whether the file refers to objects of its own by href ("#id"), left as proxies until resolved. */
    public boolean hasSameFileProxies() {
        return sameFileProxies;
    }

    /** True when the whole document was read (problems may still have been found in it). */
    public boolean isComplete() {
        return complete;
    }

    /** The innermost element still open where the parser stopped; null when none was. */
    public OpenElement innermostOpen() {
        return open.peek();
    }
}
