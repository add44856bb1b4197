package eu.urbanagenda.kb.index.opensearch.tests;

import java.nio.file.Path;

import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;
import eu.urbanagenda.kb.index.tests.UpdateTest;

/** The incremental-update tests of the desktop index ({@link UpdateTest}), run against a real OpenSearch node. */
class OpenSearchUpdateTest extends UpdateTest {

    @Override
    protected SearchBackend open(Path dir) throws Exception {
        return OpenSearchBackend.open(TestCluster.shared().url(Indices.fresh("update")),
                OpenSearchOptions.builder().workDirectory(dir).build());
    }
}
