package eu.urbanagenda.kb.index.opensearch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.index.opensearch.internal.ClusterAddress;
import eu.urbanagenda.kb.index.opensearch.internal.ClusterAddress.Host;

/** The cluster URL: several hosts, credentials, index, defaults, and what is wrong with a bad one. */
class ClusterAddressTest {

    @Test
    void hostsCredentialsAndIndex() {
        ClusterAddress a = ClusterAddress.parse("https://analyst:p%40ss:w@search1.example.org:9201,search2,[::1]:9300/kb-2026/");
        assertEquals("https", a.scheme());
        assertEquals(List.of(new Host("search1.example.org", 9201), new Host("search2", 9200), new Host("::1", 9300)),
                a.hosts());
        assertEquals("analyst", a.user());
        assertEquals("p@ss:w", a.password());
        assertEquals("kb-2026", a.index());
        assertEquals("https://search1.example.org:9201,search2:9200,[::1]:9300", a.display());
        assertFalse(a.toString().contains("p@ss"));
    }

    @Test
    void defaults() {
        ClusterAddress a = ClusterAddress.parse("HTTP://localhost");
        assertEquals("http", a.scheme());
        assertEquals(List.of(new Host("localhost", 9200)), a.hosts());
        assertNull(a.user());
        assertEquals(ClusterAddress.DEFAULT_INDEX, a.index());
    }

    @Test
    void badUrlsSayWhatIsWrongWithoutThePassword() {
        record Case(String url, String words) {
        }
        for (Case c : List.of(new Case("localhost:9200", "no scheme"), new Case("ftp://h", "http or https"),
                new Case("http://h:99999", "port \"99999\""), new Case("http://h:abc", "port \"abc\""),
                new Case("http://a,,b", "host is missing"), new Case("http://h/Upper", "not a valid index name"),
                new Case("http://h/a/b", "single index name"), new Case("http://h/kb?shards=3", "options separately"),
                new Case("http://u:secret@bad_host", "not a host name"), new Case("http://[::1", "closing \"]\""),
                new Case("", "empty"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterAddress.parse(c.url()),
                    c.url());
            assertTrue(e.getMessage().contains(c.words()), c.url() + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }
}
