package eu.urbanagenda.kb.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import eu.urbanagenda.kb.core.KbLocations;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;

/** The {@link KbSessionService} of a running application, as a Declarative Services component. */
@Component(service = KbSessionService.class)
public class KbSessionServiceComponent implements KbSessionService {

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Path dataDirectory = KbLocations.defaultDataDirectory();
    private KbSession session;

    @Override
    public synchronized KbSession session() throws IOException {
        if (session == null) {
            session = KbSession.open(dataDirectory);
            for (Listener listener : listeners) {
                listener.sessionOpened(session);
            }
        }
        return session;
    }

    @Override
    public synchronized boolean isOpen() {
        return session != null;
    }

    @Override
    public synchronized Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public synchronized void setDataDirectory(Path directory) throws IOException {
        Path normalized = directory.toAbsolutePath().normalize();
        if (normalized.equals(dataDirectory)) {
            return;
        }
        closeSession();
        dataDirectory = normalized;
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Deactivate
    synchronized void deactivate() throws IOException {
        closeSession();
    }

    private void closeSession() throws IOException {
        if (session != null) {
            KbSession closing = session;
            session = null;
            try {
                closing.close();
            } finally {
                for (Listener listener : listeners) {
                    listener.sessionClosed(closing);
                }
            }
        }
    }
}
