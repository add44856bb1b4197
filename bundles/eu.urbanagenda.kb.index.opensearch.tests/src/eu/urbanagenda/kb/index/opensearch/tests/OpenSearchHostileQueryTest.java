package eu.urbanagenda.kb.index.opensearch.tests;

import java.nio.file.Path;

import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;
import eu.urbanagenda.kb.index.tests.HostileQueryTest;

/**
 * The hostile queries of the desktop index ({@link HostileQueryTest}) against an index on a real OpenSearch node: the
 * client refuses what the desktop refuses, with the same messages, and what it sends the engine answers.
 */
class OpenSearchHostileQueryTest extends HostileQueryTest {

    @Override
    protected SearchBackend open(Path dir) throws Exception {
        return OpenSearchBackend.open(TestCluster.shared().url(Indices.fresh("hostile")),
                OpenSearchOptions.builder().workDirectory(dir).build());
    }
}
