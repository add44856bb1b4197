package eu.urbanagenda.kb.index.opensearch.tests;

import java.nio.file.Path;

import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;
import eu.urbanagenda.kb.index.tests.SearchTest;

/** The search tests of the desktop index ({@link SearchTest}), run against an index on a real OpenSearch node. */
class OpenSearchSearchTest extends SearchTest {

    @Override
    protected SearchBackend open(Path dir) throws Exception {
        return OpenSearchBackend.open(TestCluster.shared().url(Indices.fresh("search")),
                OpenSearchOptions.builder().workDirectory(dir).build());
    }
}
