package eu.urbanagenda.kb.index.opensearch.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;


import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.urbanagenda.kb.index.IndexUpdate;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.SkippedFile;
import eu.urbanagenda.kb.index.internal.DocumentMapper;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.SkippedFileException;

/**
 * An update run's writes into an OpenSearch index: the state of each file is what the index holds (read page by page
 * before the run), changes go out in bulk requests ({@link BulkWriter}), a commit sends what is collected and waits for
 * it, and the run ends with a refresh so that searches see every change.
 */
public final class OpenSearchTarget implements IndexUpdate.Target {

    /** A document larger than this (as JSON) is not sent: the cluster's default request limit is 100 MB. */
    private static final long MAX_DOCUMENT_BYTES = 90L << 20;

    private final Cluster cluster;
    private final String index;
    private final BooleanSupplier closed;
    private final BulkWriter writer;

    /**
     * @param cluster the connection
     * @param index the index
     * @param closed whether the backend was closed (the run then stops)
     * @param retryNanos how long writes are retried
     */
    public OpenSearchTarget(Cluster cluster, String index, BooleanSupplier closed, long retryNanos) {
        this.cluster = cluster;
        this.index = index;
        this.closed = closed;
        this.writer = new BulkWriter(cluster, index, retryNanos);
    }

    @Override
    public Map<String, IndexUpdate.State> states() throws IOException {
        refresh();
        Map<String, IndexUpdate.State> states = new HashMap<>();
        cluster.scan("read the indexed files", KbFields.PATH, List.of(KbFields.PATH, KbFields.SHA256,
                DocumentMapper.SIZE, DocumentMapper.MTIME, DocumentMapper.OVERRIDE), s -> {
                    if (s.hasNonNull(KbFields.PATH)) {
                        states.put(s.get(KbFields.PATH).asText(), new IndexUpdate.State(
                                s.path(DocumentMapper.SIZE).asLong(-1), s.path(DocumentMapper.MTIME).asLong(-1),
                                s.path(KbFields.SHA256).asText(""), s.path(DocumentMapper.OVERRIDE).asText("")));
                    }
                });
        return states;
    }

    @Override
    public void begin() {
        // writes are seen by searches after the index's refresh interval (1 s), as the desktop index's are
    }

    @Override
    public void delete(String path) throws IOException {
        writer.add(new BulkWriter.Pending(action("delete", path), null, path, 100));
    }

    @Override
    public void touch(String path, long mtime) throws IOException {
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        change.putObject("doc").put(DocumentMapper.MTIME, mtime);
        writer.add(new BulkWriter.Pending(action("update", path), change, path, 100));
    }

    @Override
    public void put(ExtractedDocument d, Charset override) throws IOException, SkippedFileException {
        ObjectNode source = SourceDocument.of(d, override);
        // UTF-8 JSON: at most 3 bytes per character (escapes aside), plus the other fields
        long bytes = 3L * d.text().length() + 2048;
        if (bytes > MAX_DOCUMENT_BYTES && d.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > MAX_DOCUMENT_BYTES - 2048) {
            throw new SkippedFileException(d.path(), "its text is too large to send to OpenSearch (more than "
                    + (MAX_DOCUMENT_BYTES >> 20) + " MB; the cluster takes requests up to its http.max_content_length)");
        }
        String path = d.path().toString();
        writer.add(new BulkWriter.Pending(action("index", path), source, path,
                Math.min(bytes, 2L * d.text().length() + 2048)));
    }

    private static ObjectNode action(String kind, String path) {
        ObjectNode action = JsonNodeFactory.instance.objectNode();
        action.putObject(kind).put("_id", SourceDocument.id(path));
        return action;
    }

    @Override
    public List<SkippedFile> commit() throws IOException {
        writer.flush();
        return writer.takeRefused();
    }

    @Override
    public void end() throws IOException {
        refresh();
    }

    private void refresh() throws IOException {
        cluster.call("refresh", () -> cluster.client().indices().refresh(r -> r.index(index)));
    }

    @Override
    public int documents() throws IOException {
        return (int) cluster.call("count the documents", () -> cluster.client().count(c -> c.index(index))).count();
    }

    @Override
    public boolean closed() {
        return closed.getAsBoolean();
    }
}
