package eu.urbanagenda.kb.core;

import java.util.Map;

/**
 * What the session tells the application, as OSGi Event Admin events (the platform's event broker in the workbench,
 * where {@code @UIEventTopic} handlers receive them on the UI thread). Every event carries its subject under
 * {@link #DATA}, the key the workbench's event broker hands to a handler as its argument.
 */
public final class KbEvents {

    /** The prefix of every topic; subscribe to {@code TOPIC_ALL} for all of them. */
    public static final String TOPIC_BASE = "eu/urbanagenda/kb/";
    /** All topics of the knowledge base. */
    public static final String TOPIC_ALL = TOPIC_BASE + "*";
    /** A session was opened; data: the {@link KbSession}. */
    public static final String SESSION_OPENED = TOPIC_BASE + "session/opened";
    /** The session was closed (the data directory changed, the application stops); data: the closed {@link KbSession}. */
    public static final String SESSION_CLOSED = TOPIC_BASE + "session/closed";
    /** A session could not be opened; data: the {@link Throwable} saying why (it names the file and the problem). */
    public static final String SESSION_FAILED = TOPIC_BASE + "session/failed";
    /** The knowledge base was saved; data: the {@link KbSession}. */
    public static final String MODEL_SAVED = TOPIC_BASE + "model/saved";
    /** The knowledge base was loaded again from its file (unsaved changes dropped); data: the {@link KbSession}. */
    public static final String MODEL_RELOADED = TOPIC_BASE + "model/reloaded";
    /** Documents were added to, changed in or removed from the index; data: the {@link KbSession}. */
    public static final String INDEX_CHANGED = TOPIC_BASE + "index/changed";

    /** The property that holds an event's subject: the same key as the e4 event broker's {@code IEventBroker.DATA}. */
    public static final String DATA = "org.eclipse.e4.data";

    private KbEvents() {
    }

    /** Where the session posts its events (the session service forwards them to Event Admin). */
    @FunctionalInterface
    public interface Sink {

        /** Does nothing: for a session used on its own, e.g. in tests. */
        Sink NONE = (topic, data) -> {
        };

        void post(String topic, Object data);
    }

    /** The properties of an event whose subject is {@code data}. */
    public static Map<String, Object> properties(Object data) {
        return Map.of(DATA, data);
    }
}
