package eu.urbanagenda.kb.index.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchBackend;

/**
 * Tests of searching one real index, opened by the subclass's {@code @BeforeAll} with {@link #open(Path)} and closed
 * after its tests. They run on the local index; other engines run the same tests by overriding {@link #open(Path)}
 * (e.g. {@code OpenSearchSearchTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SearchEngineTest {

    @TempDir
    static Path tmp;
    static SearchBackend index;

    /**
     * @param dir an empty folder for the index
     * @return the engine under test, empty
     * @throws Exception if it cannot be opened
     */
    protected SearchBackend open(Path dir) throws Exception {
        return KbIndex.open(dir);
    }

    @AfterAll
    void close() throws Exception {
        index.close();
    }
}
