package eu.urbanagenda.kb.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;

/** The shared session as a real Declarative Services component in this OSGi runtime. */
class KbSessionServiceTest {

    @TempDir
    Path data;

    @Test
    void oneSessionIsSharedAndClosedWhenTheDataDirectoryChanges() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(KbSessionServiceTest.class).getBundleContext();
        ServiceTracker<KbSessionService, KbSessionService> tracker = new ServiceTracker<>(context, KbSessionService.class, null);
        tracker.open();
        try {
            KbSessionService service = tracker.waitForService(10_000);
            assertNotNull(service, "Declarative Services registered the session service");
            List<String> events = new ArrayList<>();
            KbSessionService.Listener listener = new KbSessionService.Listener() {
                @Override
                public void sessionOpened(KbSession session) {
                    events.add("opened " + session.dataDirectory().getFileName());
                }

                @Override
                public void sessionClosed(KbSession session) {
                    events.add("closed " + session.dataDirectory().getFileName());
                }
            };
            service.addListener(listener);
            service.setDataDirectory(data.resolve("first"));
            assertFalse(service.isOpen(), "opened on first use only");
            KbSession session = service.session();
            assertSame(session, service.session(), "everyone gets the same session");
            service.setDataDirectory(data.resolve("second"));
            assertFalse(service.isOpen());
            assertEquals(data.resolve("second"), service.session().dataDirectory());
            assertEquals(List.of("opened first", "closed first", "opened second"), events);
            service.removeListener(listener);
            assertTrue(service.isOpen());
        } finally {
            tracker.close();
        }
    }
}
