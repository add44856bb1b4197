package eu.urbanagenda.kb.index.opensearch.tests;

import java.nio.file.Path;

import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;
import eu.urbanagenda.kb.index.tests.CopiesAndArchivesTest;

/** Copies of one document, archives and re-read scans ({@link CopiesAndArchivesTest}) on a real OpenSearch node. */
class OpenSearchCopiesAndArchivesTest extends CopiesAndArchivesTest {

    @Override
    protected SearchBackend open(Path folder) throws Exception {
        return OpenSearchBackend.open(TestCluster.shared().url(Indices.fresh("copies")),
                OpenSearchOptions.builder().workDirectory(folder).build());
    }
}
