package eu.urbanagenda.kb.index.opensearch.internal;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.urbanagenda.kb.index.SkippedFile;
import eu.urbanagenda.kb.index.opensearch.ClusterException;

/**
 * Writes documents in bulk requests: operations are collected from any thread and sent in batches of up to 1,000
 * operations or 8 MB, at most two batches at a time. Items the cluster cannot take now (a node gone, a shard moving,
 * too busy) are sent again for the retry time; items it refuses (e.g. a document too large) are reported as refused.
 * Operations carry document ids, so sending one twice does no harm. The answer is read leniently: the typed client
 * cannot decode an answer that reports a replica the write did not reach (a node going down), which is no failure.
 */
final class BulkWriter {

    private static final int MAX_OPERATIONS = 1000;
    private static final long MAX_BYTES = 8L << 20;
    private static final int CONCURRENT = 2;

    /**
     * An operation with the file it is about.
     *
     * @param action the action line, e.g. {"index": {"_id": …}}
     * @param source the document (index) or the change (update), or {@code null} (delete)
     * @param path the file
     * @param bytes about the size of the source
     */
    record Pending(ObjectNode action, ObjectNode source, String path, long bytes) {
        boolean isIndex() {
            return action.has("index");
        }
    }

    private final Cluster cluster;
    private final String index;
    private final long retryNanos;
    private final Semaphore sending = new Semaphore(CONCURRENT);
    private final List<SkippedFile> refused = Collections.synchronizedList(new ArrayList<>());
    private List<Pending> buffer = new ArrayList<>();
    private long bufferBytes;

    BulkWriter(Cluster cluster, String index, long retryNanos) {
        this.cluster = cluster;
        this.index = index;
        this.retryNanos = retryNanos;
    }

    /** Adds an operation; sends a full batch on the calling thread. */
    void add(Pending operation) throws ClusterException {
        List<Pending> batch = null;
        synchronized (this) {
            buffer.add(operation);
            long bytes = operation.bytes();
            bufferBytes += bytes;
            if (buffer.size() >= MAX_OPERATIONS || bufferBytes >= MAX_BYTES) {
                batch = take();
            }
        }
        if (batch != null) {
            send(batch);
        }
    }

    /** Sends what is collected and waits for every batch in flight. */
    void flush() throws ClusterException {
        List<Pending> batch;
        synchronized (this) {
            batch = take();
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
        sending.acquireUninterruptibly(CONCURRENT);
        sending.release(CONCURRENT);
    }

    /** @return the items refused since the last call */
    List<SkippedFile> takeRefused() {
        synchronized (refused) {
            List<SkippedFile> out = List.copyOf(refused);
            refused.clear();
            return out;
        }
    }

    private static byte[] ndjson(List<Pending> operations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Pending p : operations) {
            out.writeBytes(Cluster.bytes(p.action()));
            out.write('\n');
            if (p.source() != null) {
                out.writeBytes(Cluster.bytes(p.source()));
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    private List<Pending> take() {
        List<Pending> batch = buffer;
        buffer = new ArrayList<>();
        bufferBytes = 0;
        return batch;
    }

    private void send(List<Pending> batch) throws ClusterException {
        sending.acquireUninterruptibly();
        try {
            sendUntilWritten(batch);
        } finally {
            sending.release();
        }
    }

    private void sendUntilWritten(List<Pending> batch) throws ClusterException {
        long deadline = System.nanoTime() + retryNanos;
        long pause = 100;
        List<Pending> todo = batch;
        for (;;) {
            List<Pending> now = todo;
            String what = "write " + now.size() + (now.size() == 1 ? " document" : " documents");
            byte[] body = ndjson(now);
            JsonNode items = cluster.call(what, () -> cluster.send("POST", "/" + index + "/_bulk", Map.of(), body,
                    "application/x-ndjson")).path("items");
            List<Pending> again = new ArrayList<>();
            String lastReason = null;
            for (int i = 0; i < now.size(); i++) {
                JsonNode item = items.path(i).elements().hasNext() ? items.path(i).elements().next() : null;
                Pending p = now.get(i);
                if (item == null) {
                    again.add(p); // no answer for it: send it again
                    continue;
                }
                JsonNode error = item.path("error");
                if (error.isMissingNode() || error.isNull()) {
                    continue;
                }
                int status = item.path("status").asInt();
                if (status == 404 && !p.isIndex()) {
                    continue; // deleting or touching a document that is not there (any more)
                }
                String type = error.path("type").asText("");
                String reason = error.path("reason").asText(type);
                if (status == 429 || status >= 500 || Failures.isTransientType(type)) {
                    again.add(p);
                    lastReason = reason;
                } else if (p.isIndex()) {
                    refused.add(new SkippedFile(Path.of(p.path()), "the cluster refused it: " + reason));
                } else {
                    throw new ClusterException("OpenSearch at " + cluster.address().display() + ": index "
                            + index + " refused a change of " + p.path() + ": " + reason + ".", null);
                }
            }
            if (again.isEmpty()) {
                return;
            }
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline) {
                throw new ClusterException("OpenSearch at " + cluster.address().display() + ": " + again.size()
                        + " documents could not be written to index " + index + " within "
                        + TimeUnit.NANOSECONDS.toSeconds(retryNanos) + " s: " + lastReason
                        + ". Run the update again once the cluster is healthy.", null);
            }
            Cluster.sleep(pause);
            pause = Math.min(2000, pause * 2);
            todo = again;
        }
    }
}
