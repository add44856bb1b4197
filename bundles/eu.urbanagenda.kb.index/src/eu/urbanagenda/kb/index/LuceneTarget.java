package eu.urbanagenda.kb.index;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.Bits;

import eu.urbanagenda.kb.index.internal.DocumentMapper;
import eu.urbanagenda.kb.index.internal.NearDuplicates;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.SkippedFileException;

/** An update run's writes into the local index: its {@link IndexWriter}, near-real-time readers, commits. */
record LuceneTarget(KbIndex index, IndexWriter writer) implements IndexUpdate.Target {

    /** Commit data key of the grouping rule of the index's files. */
    private static final String GROUPING = "kb.grouping";

    @Override
    public Map<String, IndexUpdate.State> states() throws IOException {
        Map<String, IndexUpdate.State> states = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext ctx : reader.leaves()) {
                SortedSetDocValues path = DocValues.getSortedSet(ctx.reader(), KbFields.PATH);
                SortedSetDocValues file = DocValues.getSortedSet(ctx.reader(), DocumentMapper.FILE);
                NumericDocValues complete = DocValues.getNumeric(ctx.reader(), DocumentMapper.COMPLETE);
                SortedSetDocValues sha = DocValues.getSortedSet(ctx.reader(), KbFields.SHA256);
                NumericDocValues size = DocValues.getNumeric(ctx.reader(), DocumentMapper.SIZE);
                NumericDocValues mtime = DocValues.getNumeric(ctx.reader(), DocumentMapper.MTIME);
                SortedDocValues override = DocValues.getSorted(ctx.reader(), DocumentMapper.OVERRIDE);
                Bits live = ctx.reader().getLiveDocs();
                for (int d = 0; d < ctx.reader().maxDoc(); d++) {
                    if (live != null && !live.get(d) || !path.advanceExact(d) || !file.advanceExact(d)) {
                        continue;
                    }
                    String p = file.lookupOrd(file.nextOrd()).utf8ToString();
                    boolean member = !p.equals(path.lookupOrd(path.nextOrd()).utf8ToString());
                    // a member's checksum is its own, not its archive's: an archive is compared by size and time
                    String h = !member && sha.advanceExact(d) ? sha.lookupOrd(sha.nextOrd()).utf8ToString() : "";
                    boolean c = !complete.advanceExact(d) || complete.longValue() != 0;
                    long s = size.advanceExact(d) ? size.longValue() : -1;
                    long m = mtime.advanceExact(d) ? mtime.longValue() : -1;
                    String o = override.advanceExact(d) ? override.lookupOrd(override.ordValue()).utf8ToString() : "";
                    IndexUpdate.State before = states.get(p);
                    states.put(p, new IndexUpdate.State(s, m, h, o, c && (before == null || before.complete())));
                }
            }
        }
        return states;
    }

    @Override
    public void begin() throws IOException {
        index.useWriter(writer);
    }

    @Override
    public void delete(String file) throws IOException {
        writer.deleteDocuments(new Term(DocumentMapper.FILE, file));
    }

    @Override
    public void touch(String file, long mtime) throws IOException {
        writer.updateNumericDocValue(new Term(DocumentMapper.FILE, file), DocumentMapper.MTIME, mtime);
    }

    @Override
    public void put(Path file, long fileSize, List<ExtractedDocument> documents, Charset override, boolean complete)
            throws IOException, SkippedFileException {
        List<Document> docs = new ArrayList<>();
        for (ExtractedDocument d : documents) {
            docs.add(DocumentMapper.toDocument(d, override, file, fileSize, complete));
        }
        try {
            writer.updateDocuments(new Term(DocumentMapper.FILE, file.toString()), docs);
        } catch (IllegalArgumentException e) {
            throw new SkippedFileException(file, "cannot be indexed: " + e.getMessage(), e);
        }
    }

    @Override
    public void regroup() throws IOException {
        NearDuplicates.regroup(writer);
    }

    @Override
    public boolean groupedByEarlierRule() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(GROUPING)) {
                    return !NearDuplicates.RULE.equals(e.getValue());
                }
            }
        }
        return true;
    }

    @Override
    public List<SkippedFile> commit() throws IOException {
        // the grouping rule is recorded beside the format: a new rule regroups the files, it rebuilds nothing
        Map<String, String> data = new LinkedHashMap<>(KbIndex.currentFormat());
        data.put(GROUPING, NearDuplicates.RULE);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        return List.of();
    }

    @Override
    public void end() throws IOException {
        index.maybeRefresh(true);
    }

    @Override
    public int documents() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public boolean closed() {
        return index.isClosed();
    }

    @Override
    public Path workDirectory() {
        return index.directory();
    }
}
