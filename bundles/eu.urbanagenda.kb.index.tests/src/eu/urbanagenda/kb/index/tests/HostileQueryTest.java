package eu.urbanagenda.kb.index.tests;

import static eu.urbanagenda.kb.index.tests.Fixtures.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.QueryTooCostlyException;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.UpdateRequest;

/**
 * Hostile and careless queries end with hits or with a message for people: the attacks that once hung, ate memory or
 * were called internal errors, and a fixed-seed sample of fuzzed queries ({@link HostileQueries}). Times are measured
 * by the attack benchmark (releng/eu.urbanagenda.kb.bench/attack.sh), not here. Other engines run the same tests by
 * overriding {@link #open(Path)} (e.g. {@code OpenSearchHostileQueryTest}).
 */
public class HostileQueryTest extends SearchEngineTest {

    /** Class names, stack frames or parser jargon in a message meant for people. */
    private static final Pattern JARGON = Pattern.compile(
            "Exception|Error\\b|\\tat |java\\.|org\\.apache|Lexical|<EOF>|Encountered|TokenMgr|maxClause|automaton|"
                    + "Cannot parse");

    @BeforeAll
    void indexSeeds() throws Exception {
        index = open(tmp.resolve("index"));
        index.update(UpdateRequest.of(Fixtures.seeds()), null);
    }

    /** Runs a query as the workbench does (snippets and facets); returns the error, or null for hits. */
    private static QuerySyntaxException outcome(String query) throws Exception {
        try {
            index.search(SearchRequest.of(query));
            return null;
        } catch (QuerySyntaxException e) {
            String m = e.getMessage();
            assertFalse(m == null || m.isBlank(), "no message for " + shown(query));
            assertFalse(JARGON.matcher(m).find(), "jargon in the message for " + shown(query) + ": " + m);
            assertFalse(m.contains("\n"), "one line: " + m);
            assertEquals(query, e.query());
            return e;
        }
    }

    private static String shown(String query) {
        return "«" + (query.length() > 80 ? query.substring(0, 80) + "…" : query) + "» (" + query.length() + " chars)";
    }

    @Test
    void hugeRegularExpressionsAndWildcardsAreRefusedAsTooCostly() throws Exception {
        for (String q : List.of("/\\d{1,1000000}/", "/a{1000000}/", "/(.*){1000}/", "/[a-z]{50}{50}{50}/",
                "*a".repeat(20), "x".repeat(300) + "*")) {
            QuerySyntaxException e = outcome(q);
            assertTrue(e instanceof QueryTooCostlyException, shown(q) + ": " + e);
        }
        // a run of stars is one star: every document
        assertEquals(index.documentCount(), index.search(SearchRequest.of("*".repeat(10_000))).totalHits());
        // a long run of words without operators is text, whatever its punctuation
        assertTrue(index.search(SearchRequest.of("*громада".repeat(1_000))).totalHits() > 0);
        assertTrue(index.search(SearchRequest.of("громад" + "*".repeat(500))).totalHits() > 0);
    }

    @Test
    void deepNestingIsASyntaxErrorWithItsPosition() throws Exception {
        QuerySyntaxException e = outcome("(".repeat(10_000) + "громада");
        assertFalse(e instanceof QueryTooCostlyException);
        assertEquals(32, e.position(), e.getMessage());
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
        // nesting within the bound still works
        assertEquals(index.search(SearchRequest.of("громада")).totalHits(),
                index.search(SearchRequest.of("(".repeat(20) + "громада" + ")".repeat(20))).totalHits());
    }

    @Test
    void aLoneSlashOrBackslashIsExplained() throws Exception {
        QuerySyntaxException slash = outcome("/");
        assertTrue(slash.getMessage().contains("regular expression") && slash.getMessage().contains("slash"),
                slash.getMessage());
        assertEquals(0, slash.position());
        QuerySyntaxException open = outcome("громада /грома");
        assertEquals(8, open.position(), open.getMessage());
        QuerySyntaxException backslash = outcome("громада \\");
        assertTrue(backslash.getMessage().contains("backslash"), backslash.getMessage());
        assertEquals(8, backslash.position());
    }

    @Test
    void aPastedParagraphFindsTheDocumentItCameFrom() throws Exception {
        Path source = Fixtures.seeds().resolve(Fixtures.UK_VINN);
        String[] words = Files.readString(source).split("\\s+");
        // 250 words from the middle of the document, punctuation and brackets as they are
        int from = Math.max(0, Math.min(words.length - 250, 40));
        String paragraph = String.join(" ", List.of(words).subList(from, Math.min(words.length, from + 250)));
        SearchResult r = index.search(SearchRequest.of(paragraph));
        assertEquals(Fixtures.UK_VINN, names(r).get(0), paragraph);
        // 200 distinct words are no error either
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            distinct.add("слово" + Integer.toString(i, 26).replace('0', 'а').replace('1', 'б'));
        }
        distinct.add("громада");
        assertEquals(null, outcome(String.join(" ", distinct)));
    }

    @Test
    void tooManyTermsWithOperatorsIsTooCostlyNotAnInternalError() throws Exception {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            terms.add("громада" + i);
        }
        QuerySyntaxException e = outcome(String.join(" OR ", terms));
        assertTrue(e instanceof QueryTooCostlyException, e.toString());
        assertTrue(e.getMessage().contains("too many"), e.getMessage());
    }

    @Test
    void fuzzedQueriesEndWithHitsOrAClearMessage() throws Exception {
        List<String> failures = new ArrayList<>();
        int errors = 0;
        for (String q : new HostileQueries(20261128L, List.of()).next(200)) {
            try {
                if (outcome(q) != null) {
                    errors++;
                }
            } catch (AssertionError | RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failures.add(shown(q) + ": " + e);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(errors > 0 && errors < 200, "a mix of hits and errors: " + errors + " errors");
    }

    @Test
    void costlyQueriesAreAKindOfBadQuery() {
        assertThrows(QuerySyntaxException.class, () -> index.search(SearchRequest.of("/a{1000000}/")));
    }
}
