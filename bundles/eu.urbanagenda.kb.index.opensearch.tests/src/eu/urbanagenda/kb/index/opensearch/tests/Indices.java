package eu.urbanagenda.kb.index.opensearch.tests;

import java.util.concurrent.atomic.AtomicInteger;

/** Index names of the tests: every test gets an index of its own on the shared node. */
final class Indices {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Indices() {
    }

    /**
     * @param prefix what the index is for
     * @return a name not used before in this run
     */
    static String fresh(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }
}
