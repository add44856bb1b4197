package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The workbench's one shared session (an OSGi service): every view and editor works on the same knowledge
 * base, editing domain and index. The session is opened on first use at the data directory
 * ({@link KbLocations#defaultDataDirectory()} unless set), and closed when the service goes away.
 */
public interface KbSessionService {

    /** The open session, opening it on first call. */
    KbSession session() throws IOException;

    /** Whether a session is open (without opening one). */
    boolean isOpen();

    /** The data directory the session uses or will use. */
    Path dataDirectory();

    /** Uses another data directory: closes the open session (unsaved changes are lost) and tells the listeners. */
    void setDataDirectory(Path directory) throws IOException;

    void addListener(Listener listener);

    void removeListener(Listener listener);

    /** Told when a session is opened or closed (e.g. the data directory changed). */
    interface Listener {

        void sessionOpened(KbSession session);

        void sessionClosed(KbSession session);
    }
}
