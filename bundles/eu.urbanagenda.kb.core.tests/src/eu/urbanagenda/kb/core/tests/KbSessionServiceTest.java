package eu.urbanagenda.kb.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

import eu.urbanagenda.kb.core.BackendSetting;
import eu.urbanagenda.kb.core.KbEvents;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;

/** The shared session as a real Declarative Services component, its events through the real Event Admin. */
class KbSessionServiceTest {

    @TempDir
    Path data;

    private final BundleContext context = FrameworkUtil.getBundle(KbSessionServiceTest.class).getBundleContext();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private ServiceTracker<KbSessionService, KbSessionService> tracker;
    private ServiceRegistration<EventHandler> handler;
    private KbSessionService service;

    @BeforeEach
    void subscribe() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, KbEvents.TOPIC_ALL);
        handler = context.registerService(EventHandler.class, event -> {
            // the service is shared by the tests of this runtime: only what happens to this test's directories counts
            Object subject = event.getProperty(KbEvents.DATA);
            if (subject instanceof KbSession s && s.dataDirectory().startsWith(data)) {
                events.add(event.getTopic().substring(KbEvents.TOPIC_BASE.length()) + " " + s.dataDirectory().getFileName());
            } else if (subject instanceof Throwable t && String.valueOf(t.getMessage()).contains(data.toString())) {
                events.add(event.getTopic().substring(KbEvents.TOPIC_BASE.length()) + " problem");
            }
        }, properties);
        tracker = new ServiceTracker<>(context, KbSessionService.class, null);
        tracker.open();
        service = tracker.waitForService(10_000);
        assertNotNull(service, "Declarative Services registered the session service");
    }

    @AfterEach
    void unsubscribe() {
        handler.unregister();
        tracker.close();
    }

    private String nextEvent() throws InterruptedException {
        String event = events.poll(30, TimeUnit.SECONDS);
        assertNotNull(event, "an event arrived");
        return event;
    }

    @Test
    void oneSessionIsOpenedInTheBackgroundSharedAndClosedWhenTheDataDirectoryChanges() throws Exception {
        service.setDataDirectory(data.resolve("first"));
        assertFalse(service.current().isPresent(), "opened on first use only");
        CompletableFuture<KbSession> opening = service.open();
        assertSame(opening, service.open(), "one opening for every caller");
        KbSession session = opening.get(30, TimeUnit.SECONDS);
        assertSame(session, service.session(), "everyone gets the same session");
        assertSame(session, service.current().orElseThrow());
        assertEquals("session/opened first", nextEvent());

        service.setDataDirectory(data.resolve("second"));
        assertFalse(service.current().isPresent());
        assertEquals("session/closed first", nextEvent());
        assertEquals(data.resolve("second"), service.session().model().file().getParent());
        assertEquals("session/opened second", nextEvent());
    }

    @Test
    void aFailureIsToldAndTheNextOpeningTriesAgain() throws Exception {
        Path broken = data.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve(KbSession.KNOWLEDGE_BASE_FILE), "<?xml version=\"1.0\"?>\n<not-closed");
        service.setDataDirectory(broken);
        IOException e = assertThrows(IOException.class, service::session);
        assertTrue(e instanceof KnowledgeBaseLoadException, e.toString());
        assertEquals("session/failed problem", nextEvent());
        assertTrue(service.failure().isPresent());

        Files.delete(broken.resolve(KbSession.KNOWLEDGE_BASE_FILE));
        KbSession repaired = service.session();
        assertEquals(List.of("session/opened broken"), List.of(nextEvent()));
        assertFalse(service.failure().isPresent(), "a success clears the failure");
        assertEquals(21, repaired.model().knowledgeBase().getPartnerships().size());
    }

    @Test
    void savingAndIndexingAreTold() throws Exception {
        service.setDataDirectory(data.resolve("told"));
        KbSession session = service.session();
        assertEquals("session/opened told", nextEvent());
        session.library().ensureIndexed(null);
        assertEquals("index/changed told", nextEvent());
        session.model().save();
        assertEquals("model/saved told", nextEvent());
    }

    @Test
    void aClusterThatDoesNotAnswerIsNamedWithoutItsPasswordAndTheLocalIndexComesBack() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free once closed: nothing answers there
        }
        BackendSetting cluster = BackendSetting.cluster("http://analyst:s3cret@127.0.0.1:" + port + "/kb");
        assertEquals("http://analyst@127.0.0.1:" + port + "/kb", cluster.toString());
        service.setDataDirectory(data.resolve("cluster"));
        BackendSetting before = service.backend();
        try {
            service.setBackend(cluster);
            KbSession session = service.session();
            assertEquals("session/opened cluster", nextEvent());
            assertEquals(21, session.model().knowledgeBase().getPartnerships().size(), "the knowledge base stays local");
            assertTrue(session.library().ensureIndexed(null).isEmpty(), "no seeds go into a shared index");
            IOException e = assertThrows(IOException.class, () -> session.library().index());
            assertTrue(e.getMessage().startsWith("Cannot reach OpenSearch at http://127.0.0.1:" + port + ": connection refused"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertFalse(Files.exists(data.resolve("cluster").resolve("index")), "no local index made meanwhile");
            try (var files = Files.walk(data.resolve("cluster"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains("s3cret"),
                            "the password is written nowhere: " + file);
                }
            }

            service.setBackend(BackendSetting.local());
            assertEquals("session/closed cluster", nextEvent());
            assertTrue(service.session().library().index() instanceof KbIndex, "the local index again");
        } finally {
            service.setBackend(before);
        }
    }
}
