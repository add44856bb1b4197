package eu.urbanagenda.kb.link.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.link.CrossLanguageQuery;
import eu.urbanagenda.kb.link.LinkVocabulary;
import eu.urbanagenda.kb.link.internal.TermMatcher;

/** An English query finds the Ukrainian and Bulgarian sources with expansion on, and not with it off. */
class CrossLanguageSearchTest {

    @TempDir
    static Path data;

    static KbSession session;
    static LinkVocabulary vocabulary;

    @BeforeAll
    static void indexSeeds() throws Exception {
        session = KbSession.open(data);
        session.library().ensureIndexed(new NullProgressMonitor());
        vocabulary = LinkVocabulary.of(session.model().knowledgeBase());
    }

    @AfterAll
    static void close() throws Exception {
        session.close();
    }

    static Set<String> languagesFound(String query) throws Exception {
        return session.search(SearchRequest.builder(query).page(0, 50), List.of()).hits().stream().map(h -> h.lang().code())
                .collect(Collectors.toSet());
    }

    @Test
    void englishQueryFindsUkrainianAndBulgarianSourcesOnlyWhenExpanded() throws Exception {
        assertEquals(Set.of(), languagesFound("digital transition"), "without expansion an English query finds no Cyrillic text");
        CrossLanguageQuery.Expansion expansion = CrossLanguageQuery.expand("digital transition", vocabulary);
        assertTrue(expansion.expanded());
        assertEquals(List.of("digital-transition"), expansion.partnerships());
        assertTrue(expansion.added().stream().anyMatch(t -> t.equalsIgnoreCase("дигитален преход")), expansion.added().toString());
        assertEquals(Set.of("uk", "bg"), languagesFound(expansion.query()));
    }

    @Test
    void anInflectedFormInAnotherLanguageExpandsToo() throws Exception {
        CrossLanguageQuery.Expansion expansion = CrossLanguageQuery.expand("цифрової трансформації громад", vocabulary);
        assertEquals(List.of("digital-transition"), expansion.partnerships());
        assertTrue(expansion.added().stream().anyMatch(t -> t.equalsIgnoreCase("digital transition")), expansion.added().toString());
        assertTrue(languagesFound(expansion.query()).contains("bg"), "the Bulgarian seed is found from a Ukrainian query");
    }

    @Test
    void aQueryNamingNoPartnershipStaysAsItIs() {
        CrossLanguageQuery.Expansion expansion = CrossLanguageQuery.expand("меморандум U-LEAD", vocabulary);
        assertFalse(expansion.expanded());
        assertEquals("меморандум U-LEAD", expansion.query());
    }

    @Test
    void termsMatchInAnyInflectedForm() {
        assertTrue(TermMatcher.contains(TermMatcher.positions("розвиток цифрової трансформації громад", "uk"),
                TermMatcher.positions("цифрова трансформація", "uk")));
        assertTrue(TermMatcher.contains(TermMatcher.positions("за дигиталния преход на градовете", "bg"),
                TermMatcher.positions("дигитален преход", "bg")));
        assertFalse(TermMatcher.contains(TermMatcher.positions("трансформація цифрова", "uk"),
                TermMatcher.positions("цифрова трансформація", "uk")), "word order matters");
    }
}
