package eu.urbanagenda.kb.index.opensearch.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.urbanagenda.kb.index.IndexUpdate;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.SkippedFile;
import eu.urbanagenda.kb.index.internal.DocumentMapper;
import eu.urbanagenda.kb.index.internal.NearDuplicates;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.SkippedFileException;

/**
 * An update run's writes into an OpenSearch index: the state of each file on disk is what the index holds (read page by
 * page before the run, with the documents each file has: one, or an archive's members), changes go out in bulk requests
 * ({@link BulkWriter}), a commit sends what is collected and waits for it, and the run ends with a refresh so that
 * searches see every change.
 * <p>
 * Copies of one document: OpenSearch cannot change a field of a document in place (it writes the document anew, and
 * the old one counts in the term statistics until a merge removes it, which would make scores differ from the
 * desktop's), so a file gets its group when it is written, looked up among the files the index holds and those of the
 * run ({@link NearDuplicates.Finder}); after the run the desktop's grouping of all files decides, keeping the ids files
 * carry ({@link NearDuplicates#stableGroups}), and only files whose group really changed are written again.
 */
public final class OpenSearchTarget implements IndexUpdate.Target {

    /** A document larger than this (as JSON) is not sent: the cluster's default request limit is 100 MB. */
    private static final long MAX_DOCUMENT_BYTES = 90L << 20;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Cluster cluster;
    private final String index;
    private final BooleanSupplier closed;
    private final BulkWriter writer;
    private final Path workDirectory;
    /** The documents (paths) of each file on disk, as the index holds them, kept up to date by the run. */
    private final Map<String, List<String>> documentsOfFile = new ConcurrentHashMap<>();
    /** The groups of copies of the documents the index holds and of those written by the run. */
    private final NearDuplicates.Finder groups = new NearDuplicates.Finder();

    /**
     * @param cluster the connection
     * @param closed whether the backend was closed (the run then stops)
     * @param retryNanos how long writes are retried
     * @param workDirectory a local folder for the extraction log and the OCR cache
     */
    public OpenSearchTarget(Cluster cluster, BooleanSupplier closed, long retryNanos, Path workDirectory) {
        this.cluster = cluster;
        this.index = cluster.address().index();
        this.closed = closed;
        this.writer = new BulkWriter(cluster, index, retryNanos);
        this.workDirectory = workDirectory;
    }

    @Override
    public Map<String, IndexUpdate.State> states() throws IOException {
        refresh();
        Map<String, IndexUpdate.State> states = new HashMap<>();
        cluster.scan("read the indexed files", KbFields.PATH, List.of(KbFields.PATH, DocumentMapper.FILE,
                KbFields.SHA256, DocumentMapper.SIZE, DocumentMapper.MTIME, DocumentMapper.OVERRIDE,
                DocumentMapper.COMPLETE, DocumentMapper.SIGNATURE, DocumentMapper.SHINGLES, DocumentMapper.GROUP), s -> {
                    String path = SourceDocument.string(s, KbFields.PATH);
                    String file = SourceDocument.string(s, DocumentMapper.FILE);
                    if (path == null || file == null) {
                        return;
                    }
                    groups.add(s.path(KbFields.SHA256).asText(""), signature(s.get(DocumentMapper.SIGNATURE)),
                            s.path(DocumentMapper.SHINGLES).asInt(0), s.path(DocumentMapper.GROUP).asLong());
                    documentsOfFile.computeIfAbsent(file, f -> new ArrayList<>()).add(path);
                    // a member's checksum is its own, not its archive's: an archive is compared by size and time
                    String sha = file.equals(path) ? s.path(KbFields.SHA256).asText("") : "";
                    IndexUpdate.State before = states.get(file);
                    boolean complete = s.path(DocumentMapper.COMPLETE).asBoolean(true)
                            && (before == null || before.complete());
                    states.put(file, new IndexUpdate.State(s.path(DocumentMapper.SIZE).asLong(-1),
                            s.path(DocumentMapper.MTIME).asLong(-1), sha, s.path(DocumentMapper.OVERRIDE).asText(""),
                            complete));
                });
        return states;
    }

    @Override
    public void begin() {
        // writes are seen by searches after the index's refresh interval (1 s), as the desktop index's are
    }

    /** @return the documents of a file as the index holds them (the file itself when unknown) */
    private List<String> documentsOf(String file) {
        return documentsOfFile.getOrDefault(file, List.of(file));
    }

    @Override
    public void delete(String file) throws IOException {
        for (String path : documentsOf(file)) {
            writer.add(new BulkWriter.Pending(action("delete", path), null, path, 100));
        }
        documentsOfFile.remove(file);
    }

    @Override
    public void touch(String file, long mtime) throws IOException {
        for (String path : documentsOf(file)) {
            ObjectNode change = JSON.objectNode();
            change.putObject("doc").put(DocumentMapper.MTIME, mtime);
            writer.add(new BulkWriter.Pending(action("update", path), change, path, 100));
        }
    }

    @Override
    public void put(Path file, long fileSize, List<ExtractedDocument> documents, Charset override, boolean complete)
            throws IOException, SkippedFileException {
        List<ObjectNode> sources = new ArrayList<>();
        for (ExtractedDocument d : documents) {
            // UTF-8 JSON: at most 3 bytes per character (escapes aside), plus the other fields
            if (3L * d.text().length() + 2048 > MAX_DOCUMENT_BYTES
                    && d.text().getBytes(StandardCharsets.UTF_8).length > MAX_DOCUMENT_BYTES - 2048) {
                throw new SkippedFileException(file, "its text is too large to send to OpenSearch (more than "
                        + (MAX_DOCUMENT_BYTES >> 20) + " MB; the cluster takes requests up to its"
                        + " http.max_content_length)");
            }
            NearDuplicates.Signature signature = NearDuplicates.signature(d.text());
            long group;
            synchronized (groups) {
                long found = groups.find(d.sha256(), signature.minHashes(), signature.shingles());
                group = found != 0 ? found : NearDuplicates.soloGroup(d.path().toString());
                groups.add(d.sha256(), signature.minHashes(), signature.shingles(), group);
            }
            sources.add(SourceDocument.of(d, override, file, fileSize, complete, signature, group));
        }
        String key = file.toString();
        Set<String> now = new HashSet<>();
        for (ExtractedDocument d : documents) {
            now.add(d.path().toString());
        }
        for (String gone : documentsOfFile.getOrDefault(key, List.of())) {
            if (!now.contains(gone)) {
                writer.add(new BulkWriter.Pending(action("delete", gone), null, gone, 100));
            }
        }
        for (int i = 0; i < documents.size(); i++) {
            String path = documents.get(i).path().toString();
            writer.add(new BulkWriter.Pending(action("index", path), sources.get(i), key,
                    2L * documents.get(i).text().length() + 2048));
        }
        documentsOfFile.put(key, List.copyOf(now));
    }

    private static ObjectNode action(String kind, String path) {
        ObjectNode action = JSON.objectNode();
        action.putObject(kind).put("_id", SourceDocument.id(path));
        return action;
    }

    @Override
    public void regroup() throws IOException {
        writer.flush();
        refresh();
        List<String> paths = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        List<int[]> signatures = new ArrayList<>();
        List<Integer> shingles = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        cluster.scan("read the signatures of the documents", KbFields.PATH, List.of(KbFields.PATH, KbFields.SHA256,
                DocumentMapper.SIGNATURE, DocumentMapper.SHINGLES, DocumentMapper.GROUP), s -> {
                    paths.add(s.path(KbFields.PATH).asText());
                    shas.add(s.path(KbFields.SHA256).asText(""));
                    signatures.add(signature(s.get(DocumentMapper.SIGNATURE)));
                    shingles.add(s.path(DocumentMapper.SHINGLES).asInt(0));
                    current.add(s.path(DocumentMapper.GROUP).asLong());
                });
        long[][] decided = NearDuplicates.stableGroups(paths, shas, signatures, shingles, current);
        for (int i = 0; i < paths.size(); i++) {
            if (decided[i][0] != current.get(i)) {
                ObjectNode change = JSON.objectNode();
                change.putObject("doc").put(DocumentMapper.GROUP, decided[i][0]);
                writer.add(new BulkWriter.Pending(action("update", paths.get(i)), change, paths.get(i), 100));
            }
        }
    }

    private static int[] signature(JsonNode value) {
        try {
            return value == null || value.isNull() ? null : NearDuplicates.Signature.read(value.binaryValue());
        } catch (IOException e) {
            return null; // not a signature: the file is grouped by its checksum only
        }
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

    @Override
    public Path workDirectory() {
        return workDirectory;
    }
}
