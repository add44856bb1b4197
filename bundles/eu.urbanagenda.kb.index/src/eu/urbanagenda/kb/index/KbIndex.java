package eu.urbanagenda.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import eu.urbanagenda.kb.analysis.KbAnalyzers;
import eu.urbanagenda.kb.index.internal.BackendState;
import eu.urbanagenda.kb.index.internal.CopyGroups;
import eu.urbanagenda.kb.index.internal.DocumentCount;
import eu.urbanagenda.kb.index.internal.DocumentMapper;
import eu.urbanagenda.kb.index.internal.FacetCollectorManager;
import eu.urbanagenda.kb.index.internal.HitValues;
import eu.urbanagenda.kb.index.internal.QueryLimits;
import eu.urbanagenda.kb.index.internal.QueryParsing;
import eu.urbanagenda.kb.index.internal.Snippets;
import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.EncodingSource;
import eu.urbanagenda.kb.ingest.IoProblems;
import eu.urbanagenda.kb.ingest.Language;

/**
 * A full-text index of Ukrainian, Bulgarian and other documents in a directory: the entry point of the search core.
 * <ul>
 * <li>{@link #open(Path)} creates or opens the index; an index written by another Lucene (major.minor) or analysis
 * version is rebuilt empty, with a {@link #formatChange() notice} listing the files to index again.</li>
 * <li>{@link #update(UpdateRequest, IProgressMonitor)} indexes files and folders incrementally (new, changed and
 * deleted files only), one writer at a time per directory across processes.</li>
 * <li>{@link #search(SearchRequest)} runs a Lucene-syntax query with filters, facets, paging and snippets, within
 * bounds of work and time (a query beyond them is a {@link QueryTooCostlyException});
 * {@link #document(Path, String)} returns a stored document with the query's matches.</li>
 * </ul>
 * Searches are thread-safe and see the documents of a running update in near real time (within about a second).
 * Close the index when done.
 */
public final class KbIndex implements SearchBackend {

    /** The version of the index schema (fields and their types). Part of the index format. */
    public static final String SCHEMA_VERSION = "3";

    static final String KEY_SCHEMA = "kb.schema";
    static final String KEY_LUCENE = "kb.lucene";
    static final String KEY_ANALYSIS = "kb.analysis";
    private static final String OWNER_FILE = "kb-writer.txt";
    /** How often searches reopen a reader on the writer of a running update (this flushes segments). */
    private static final long NRT_REFRESH_NANOS = 1_000_000_000L;
    /** How often searches look for a commit made by another process (a directory listing). */
    private static final long COMMIT_REFRESH_NANOS = 100_000_000L;

    private final Path path;
    private final FSDirectory directory;
    private final Analyzer analyzer = KbFields.analyzer();
    private final QueryParsing queries = new QueryParsing(KbFields.queryAnalyzer(), KbAnalyzers.translit(true));
    private final Snippets snippets = new Snippets(analyzer);
    private final FormatChange formatChange;
    private final Object managerLock = new Object();
    /** The most other files a hit lists (exact copies of one empty file can be thousands). */
    private static final int MAX_COPIES = 10_000;
    private volatile SearcherManager manager;
    private volatile long lastRefresh = System.nanoTime();
    private volatile boolean nrt;
    private final BackendState state;

    private KbIndex(Path path, FSDirectory directory, FormatChange formatChange) throws IOException {
        this.path = path;
        this.state = new BackendState("the index " + path);
        this.directory = directory;
        this.formatChange = formatChange;
        this.manager = new SearcherManager(directory, null);
    }

    /**
     * Opens the index in a directory, creating it if missing. If the index was written by another Lucene version
     * (major.minor), another analysis version or schema, it is rebuilt empty and {@link #formatChange()} tells so.
     *
     * @param dir the index directory
     * @return the open index
     * @throws IndexLockedException if the index must be created or rebuilt while another process writes it
     * @throws IOException if the directory cannot be used
     */
    public static KbIndex open(Path dir) throws IOException {
        Path p = dir.toAbsolutePath().normalize();
        Files.createDirectories(p);
        FSDirectory directory = FSDirectory.open(p);
        try {
            FormatChange change = null;
            if (DirectoryReader.indexExists(directory)) {
                Map<String, String> data;
                try {
                    data = SegmentInfos.readLatestCommit(directory).getUserData();
                } catch (IndexFormatTooOldException | IndexFormatTooNewException | CorruptIndexException e) {
                    data = Map.of();
                }
                if (!compatible(data)) {
                    List<Path> previous = readPaths(directory);
                    recreate(directory, p);
                    change = new FormatChange(data.getOrDefault(KEY_LUCENE, "unknown"),
                            data.getOrDefault(KEY_ANALYSIS, "unknown"), Version.LATEST.toString(),
                            KbAnalyzers.ANALYZER_VERSION, previous);
                }
            } else {
                recreate(directory, p);
            }
            return new KbIndex(p, directory, change);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** @return the format of this version: schema, Lucene and analysis versions, as recorded in every commit */
    public static Map<String, String> currentFormat() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY_SCHEMA, SCHEMA_VERSION);
        m.put(KEY_LUCENE, Version.LATEST.toString());
        m.put(KEY_ANALYSIS, KbAnalyzers.ANALYZER_VERSION);
        return m;
    }

    private static boolean compatible(Map<String, String> data) {
        return SCHEMA_VERSION.equals(data.get(KEY_SCHEMA)) && KbAnalyzers.ANALYZER_VERSION.equals(data.get(KEY_ANALYSIS))
                && majorMinor(Version.LATEST.toString()).equals(majorMinor(data.getOrDefault(KEY_LUCENE, "")));
    }

    private static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }

    private static List<Path> readPaths(FSDirectory directory) {
        List<Path> paths = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext ctx : reader.leaves()) {
                StoredFields sf = ctx.reader().storedFields();
                var live = ctx.reader().getLiveDocs();
                for (int d = 0; d < ctx.reader().maxDoc(); d++) {
                    if (live == null || live.get(d)) {
                        String v = sf.document(d, Set.of(KbFields.PATH)).get(KbFields.PATH);
                        if (v != null) {
                            paths.add(Path.of(v));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an index this Lucene cannot read: the files are unknown
        }
        return paths;
    }

    private static void recreate(FSDirectory directory, Path p) throws IOException {
        try (IndexWriter w = new IndexWriter(directory, writerConfig(KbFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            w.setLiveCommitData(currentFormat().entrySet());
            w.commit();
        } catch (LockObtainFailedException e) {
            throw new IndexLockedException(p, owner(p));
        }
    }

    static IndexWriterConfig writerConfig(Analyzer analyzer) {
        IndexWriterConfig c = new IndexWriterConfig(analyzer);
        c.setCommitOnClose(false);
        c.setRAMBufferSizeMB(64);
        return c;
    }

    /** @return the index directory */
    public Path directory() {
        return path;
    }

    @Override
    public String location() {
        return "index " + path;
    }

    /** @return the notice of a rebuild done by {@link #open(Path)}, if any */
    public Optional<FormatChange> formatChange() {
        return Optional.ofNullable(formatChange);
    }

    /**
     * Indexes files and folders incrementally: new files are added, changed files (size, time and then checksum
     * differ) indexed again, files missing under the sources removed; files that cannot be used are skipped, each with
     * its reason, and the run goes on. Progress and cancellation go through the monitor; a cancelled run commits what
     * it has done. Commits are made every 60 s (or as asked), so a crash leaves the last commit readable and a re-run
     * continues from it. Searches during the run see its documents in near real time.
     *
     * @param request files, folders and options
     * @param monitor progress and cancellation, or {@code null}
     * @return what was done
     * @throws IndexLockedException if another process or thread is writing this index
     * @throws IOException if the index cannot be written (the index keeps its last commit)
     */
    public UpdateReport update(UpdateRequest request, IProgressMonitor monitor) throws IOException {
        return state.update(monitor,
                () -> new IndexLockedException(path, "another update of this index is running in this process"),
                progress -> write(request, progress));
    }

    /** An update with this process's writer, which it closes. */
    private UpdateReport write(UpdateRequest request, SubMonitor progress) throws IOException {
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, writerConfig(analyzer));
        } catch (LockObtainFailedException e) {
            throw new IndexLockedException(path, owner(path));
        }
        writeOwner();
        try {
            return new IndexUpdate(new LuceneTarget(this, writer), request, progress).run();
        } catch (IOException | RuntimeException | Error e) {
            // a failed write (a full disk) closes the writer: what broke it is its "tragic" exception
            Throwable tragic = writer.getTragicException();
            try {
                writer.rollback();
            } catch (IOException | RuntimeException e2) {
                e.addSuppressed(e2);
            }
            Throwable cause = tragic != null ? tragic : e;
            if (cause instanceof IOException io && !(cause instanceof IndexLockedException)) {
                throw new IOException("cannot write the index " + path + ": " + IoProblems.describe(io)
                        + " (it keeps its last commit: what was indexed before stays searchable)", io);
            }
            throw e;
        } finally {
            if (writer.isOpen()) {
                writer.close();
            }
            try {
                Files.deleteIfExists(path.resolve(OWNER_FILE));
            } catch (IOException e) {
                // informational file only
            }
            useDirectory();
        }
    }

    private void writeOwner() {
        String pid = Long.toString(ProcessHandle.current().pid());
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this computer";
        }
        String since = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        String info = "pid " + pid + " on " + host + ", user " + System.getProperty("user.name") + ", since " + since
                + " (" + ManagementFactory.getRuntimeMXBean().getName() + ")";
        try {
            Files.writeString(path.resolve(OWNER_FILE), info, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // informational file only
        }
    }

    private static String owner(Path p) {
        try {
            return Files.readString(p.resolve(OWNER_FILE), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "its write.lock is held";
        }
    }

    /** Lets searches see the writer's documents in near real time. */
    void useWriter(IndexWriter writer) throws IOException {
        swap(new SearcherManager(writer, true, false, null));
        nrt = true;
    }

    /** After a run, searches go back to the last commit. */
    private void useDirectory() throws IOException {
        if (!state.isClosed()) {
            swap(new SearcherManager(directory, null));
            nrt = false;
        }
    }

    private void swap(SearcherManager next) throws IOException {
        SearcherManager old;
        synchronized (managerLock) {
            old = manager;
            manager = next;
        }
        old.close();
    }

    /**
     * Makes searches see the latest commit (also one made by another process) or, while this index is being updated,
     * the documents indexed so far. Searches do this by themselves at most every 100 ms (every second during an
     * update); call this when an up-to-date view is needed at once, e.g. after another process reported an update.
     *
     * @throws IOException on index errors
     */
    public void refresh() throws IOException {
        ensureOpen();
        maybeRefresh(true);
    }

    /** Refreshes the searcher unless it was refreshed very recently. */
    void maybeRefresh(boolean force) throws IOException {
        long now = System.nanoTime();
        if (force || now - lastRefresh > (nrt ? NRT_REFRESH_NANOS : COMMIT_REFRESH_NANOS)) {
            lastRefresh = now;
            try {
                manager.maybeRefresh();
            } catch (AlreadyClosedException e) {
                // swapped meanwhile
            }
        }
    }

    boolean isClosed() {
        return state.isClosed();
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** A searcher with its manager, to release. */
    private record Acquired(SearcherManager manager, IndexSearcher searcher) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            manager.release(searcher);
        }
    }

    private Acquired acquire() throws IOException {
        ensureOpen();
        maybeRefresh(false);
        for (int attempt = 0;; attempt++) {
            SearcherManager m = manager;
            try {
                return new Acquired(m, m.acquire());
            } catch (AlreadyClosedException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * @return the number of documents visible to searches
     * @throws IOException on index errors
     */
    public int documentCount() throws IOException {
        try (Acquired a = acquire()) {
            return a.searcher().getIndexReader().numDocs();
        }
    }

    /**
     * Parses a query as {@link #search(SearchRequest)} does.
     *
     * @param query a query in Lucene syntax; empty matches all documents
     * @param fields the fields of terms without field name (names of {@link KbFields} or the aliases uk, bg, ru,
     *            en, other, text); empty for {@link KbFields#DEFAULT_FIELDS}
     * @return the Lucene query
     * @throws QuerySyntaxException with a readable message and position
     * @throws IllegalArgumentException if a field name is unknown
     */
    public Query parse(String query, List<String> fields) throws QuerySyntaxException {
        try (Acquired a = acquire()) {
            return parse(query, fields, false, a.searcher().getIndexReader(),
                    new QueryLimits.Deadline(QueryLimits.TIME_BUDGET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a query within the bounds of {@link QueryLimits} ({@link QueryParsing}). */
    private Query parse(String query, List<String> fields, boolean forHighlighting, IndexReader reader,
            QueryLimits.Deadline deadline) throws QuerySyntaxException {
        return queries.parse(query, fields, forHighlighting, reader, deadline);
    }

    /**
     * A searcher of the same index that gives up when the deadline passes: in collection, and, for a query that
     * expands terms (wildcards, regular expressions, fuzzy terms, ranges), in the enumeration of the index's terms
     * (which costs other queries 5-15 % and is not needed for them).
     */
    private static IndexSearcher bounded(IndexSearcher searcher, Query query, QueryLimits.Deadline deadline)
            throws IOException {
        IndexSearcher s = new IndexSearcher(!QueryParsing.expandsTerms(query, true) ? searcher.getIndexReader()
                : ExitableDirectoryReader.wrap((DirectoryReader) searcher.getIndexReader(), deadline));
        s.setTimeout(deadline);
        s.setSimilarity(searcher.getSimilarity());
        s.setQueryCache(searcher.getQueryCache());
        s.setQueryCachingPolicy(searcher.getQueryCachingPolicy());
        return s;
    }

    /**
     * Searches.
     *
     * @param request the query, filters, order, page and options
     * @return total hits, time, the page of hits and facet counts
     * @throws QuerySyntaxException if the query cannot be parsed (readable message with position), or, as a
     *             {@link QueryTooCostlyException}, if it would take more work than a search may (see
     *             {@code QueryLimits}: the message names what)
     * @throws IOException on index errors
     */
    public SearchResult search(SearchRequest request) throws QuerySyntaxException, IOException {
        long start = System.nanoTime();
        QueryLimits.Deadline deadline = new QueryLimits.Deadline(QueryLimits.TIME_BUDGET);
        Map<String, Query> filters = filters(request);
        int window = Math.min(SearchRequest.MAX_WINDOW, request.offset() + request.limit());
        try (Acquired a = acquire()) {
            Query query = parse(request.query(), request.fields(), false, a.searcher().getIndexReader(), deadline);
            IndexSearcher s = bounded(a.searcher(), query, deadline);
            CopyGroups copyGroups = CopyGroups.of(a.searcher().getIndexReader());
            Query main = filtered(query, filters, null);
            // files are collected beyond the window: copies of one document are shown as one hit
            int collect = Math.max(1, window * 2 + 8);
            CollectorManager<?, ? extends TopDocs> top = topDocs(request.sort(), collect);
            TopDocs topDocs;
            long documents;
            Facets facets = Facets.EMPTY;
            if (request.facets()) {
                Set<String> dims = new LinkedHashSet<>(List.of(FacetCollectorManager.LANG, FacetCollectorManager.YEAR,
                        FacetCollectorManager.FORMAT, FacetCollectorManager.FOLDER));
                if (!request.groups().isEmpty()) {
                    dims.add(FacetCollectorManager.GROUP);
                }
                Set<String> unfiltered = new LinkedHashSet<>(dims);
                unfiltered.removeAll(filters.keySet());
                Object[] r = s.search(main, new MultiCollectorManager(top,
                        new FacetCollectorManager(unfiltered, request.groups()), new DocumentCount(copyGroups)));
                topDocs = (TopDocs) r[0];
                documents = (Long) r[2];
                @SuppressWarnings("unchecked")
                Map<String, List<FacetCount>> counts = new HashMap<>((Map<String, List<FacetCount>>) r[1]);
                for (String dim : filters.keySet()) {
                    if (dims.contains(dim)) {
                        counts.putAll(s.search(filtered(query, filters, dim),
                                new FacetCollectorManager(Set.of(dim), request.groups())));
                    }
                }
                facets = new Facets(counts.getOrDefault(FacetCollectorManager.LANG, List.of()),
                        counts.getOrDefault(FacetCollectorManager.YEAR, List.of()),
                        counts.getOrDefault(FacetCollectorManager.FORMAT, List.of()),
                        counts.getOrDefault(FacetCollectorManager.FOLDER, List.of()),
                        counts.getOrDefault(FacetCollectorManager.GROUP, List.of()));
            } else {
                Object[] r = s.search(main, new MultiCollectorManager(top, new DocumentCount(copyGroups)));
                topDocs = (TopDocs) r[0];
                documents = (Long) r[1];
            }
            if (s.timedOut()) {
                throw QueryParsing.timeUp(request.query());
            }
            long files = topDocs.totalHits.value();
            List<ScoreDoc> firsts = firstOfEachDocument(copyGroups, topDocs.scoreDocs);
            while (firsts.size() < window && topDocs.scoreDocs.length < files && collect < 16 * SearchRequest.MAX_WINDOW) {
                collect *= 4;
                topDocs = s.search(main, topDocs(request.sort(), collect));
                if (s.timedOut()) {
                    throw QueryParsing.timeUp(request.query());
                }
                firsts = firstOfEachDocument(copyGroups, topDocs.scoreDocs);
            }
            int from = Math.min(request.offset(), firsts.size());
            int to = Math.min(window, firsts.size());
            int[] ids = new int[Math.max(0, to - from)];
            ScoreDoc[] sd = new ScoreDoc[ids.length];
            for (int i = from; i < to; i++) {
                sd[i - from] = firsts.get(i);
                ids[i - from] = firsts.get(i).doc;
            }
            HitValues.Values[] values = HitValues.read(s.getIndexReader(), ids);
            Map<Long, List<SearchHit.Copy>> copies = copies(a.searcher().getIndexReader(), copyGroups, values);
            Language[] langs = new Language[ids.length];
            for (int i = 0; i < ids.length; i++) {
                langs[i] = Language.fromCode(values[i].lang());
            }
            Snippet[] snippets = request.snippets() && ids.length > 0
                    ? this.snippets.snippets(a.searcher(),
                            highlightQuery(a.searcher(), query, request.query(), request.fields(), deadline), ids, langs)
                    : null;
            StoredFields stored = snippets == null ? null : s.storedFields();
            List<SearchHit> hits = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                HitValues.Values v = values[i];
                Snippet snippet = null;
                if (snippets != null) {
                    snippet = snippets[i] != null ? snippets[i] : leadingText(stored, ids[i]);
                }
                List<SearchHit.Copy> others = copies.getOrDefault(v.group(), List.of()).stream()
                        .filter(c -> !c.path().toString().equals(v.path())).toList();
                hits.add(new SearchHit(Path.of(v.path()), v.title(), langs[i], DocumentFormat.fromId(v.format()),
                        v.encoding(), v.date(), score(sd[i]), v.sha256(), snippet,
                        new DocumentMetadata(v.author(), v.created(), v.modified(), v.ocrConfidence()), others));
            }
            return new SearchResult(files, Duration.ofNanos(System.nanoTime() - start), hits, facets, documents);
        } catch (IndexSearcher.TooManyClauses e) {
            throw QueryParsing.tooManyClauses(request.query());
        } catch (ExitableDirectoryReader.ExitingReaderException e) {
            throw QueryParsing.timeUp(request.query());
        }
    }

    /** The best-ranked file of each document among the collected files, in rank order. */
    private static List<ScoreDoc> firstOfEachDocument(CopyGroups groups, ScoreDoc[] collected) {
        Set<Integer> seen = new java.util.HashSet<>();
        List<ScoreDoc> firsts = new ArrayList<>(collected.length);
        for (ScoreDoc sd : collected) {
            int group = groups.ordinal(sd.doc);
            if (group < 0 || seen.add(group)) {
                firsts.add(sd);
            }
        }
        return firsts;
    }

    /** The files of the groups of copies among the hits (all of them, matching the query or not), by group. */
    private static Map<Long, List<SearchHit.Copy>> copies(IndexReader reader, CopyGroups groups,
            HitValues.Values[] hits) throws IOException {
        Map<Long, List<SearchHit.Copy>> byGroup = new HashMap<>();
        for (HitValues.Values v : hits) {
            if (v.groupSize() > 1 && !byGroup.containsKey(v.group())) {
                int[] ids = groups.files(v.group());
                List<SearchHit.Copy> files = new ArrayList<>();
                for (HitValues.Values c : HitValues.read(reader, Arrays.copyOf(ids, Math.min(ids.length,
                        MAX_COPIES)))) {
                    files.add(new SearchHit.Copy(Path.of(c.path()), DocumentFormat.fromId(c.format()), c.sha256(),
                            c.ocrConfidence()));
                }
                byGroup.put(v.group(), files);
            }
        }
        return byGroup;
    }

    /**
     * The query for highlighting: the search query itself, or if it has wildcard, prefix, fuzzy, regular expression
     * or range terms, the query parsed again with those expanded to their best terms, rewritten.
     */
    private Query highlightQuery(IndexSearcher s, Query parsed, String query, List<String> fields,
            QueryLimits.Deadline deadline) throws QuerySyntaxException, IOException {
        return queries.forHighlighting(s, parsed, query, fields, deadline);
    }

    private static float score(ScoreDoc sd) {
        if (sd instanceof FieldDoc fd && Float.isNaN(fd.score) && fd.fields != null) {
            for (Object o : fd.fields) {
                if (o instanceof Float f) {
                    return f;
                }
            }
        }
        return sd.score;
    }

    private static LocalDate date(Document d) {
        IndexableField f = d.getField(KbFields.DATE);
        return f == null || f.numericValue() == null ? null : LocalDate.ofEpochDay(f.numericValue().longValue());
    }

    private static java.time.Instant instant(Document d, String field) {
        IndexableField f = d.getField(field);
        return f == null || f.numericValue() == null ? null : java.time.Instant.ofEpochMilli(f.numericValue().longValue());
    }

    private static Snippet leadingText(StoredFields stored, int doc) throws IOException {
        String body = stored.document(doc, Set.of(DocumentMapper.BODY)).get(DocumentMapper.BODY);
        return Snippets.leading(body == null ? "" : body);
    }

    /** How the encoding was chosen, as stored; {@link EncodingSource#NONE} when unknown. */
    private static EncodingSource encodingSource(String stored) {
        for (EncodingSource source : EncodingSource.values()) {
            if (source.name().equals(stored)) {
                return source;
            }
        }
        return EncodingSource.NONE;
    }

    private static CollectorManager<?, ? extends TopDocs> topDocs(SortOrder order, int n) {
        if (order == SortOrder.RELEVANCE) {
            return new TopScoreDocCollectorManager(n, Integer.MAX_VALUE);
        }
        boolean newestFirst = order == SortOrder.DATE_DESC;
        SortField byDate = new SortedNumericSortField(KbFields.DATE, SortField.Type.LONG, newestFirst,
                SortedNumericSelector.Type.MIN, newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new TopFieldCollectorManager(new Sort(byDate, SortField.FIELD_SCORE), n, Integer.MAX_VALUE);
    }

    private static Map<String, Query> filters(SearchRequest r) {
        Map<String, Query> f = new LinkedHashMap<>();
        if (!r.languages().isEmpty()) {
            f.put(FacetCollectorManager.LANG, KeywordField.newSetQuery(KbFields.LANG, bytes(r.languages())));
        }
        if (!r.years().isEmpty()) {
            List<String> years = r.years().stream().map(String::valueOf).toList();
            f.put(FacetCollectorManager.YEAR, KeywordField.newSetQuery(KbFields.YEAR, bytes(years)));
        }
        if (!r.formats().isEmpty()) {
            f.put(FacetCollectorManager.FORMAT, KeywordField.newSetQuery(KbFields.FORMAT, bytes(r.formats())));
        }
        if (r.folder() != null) {
            f.put(FacetCollectorManager.FOLDER,
                    new TermQuery(new Term(KbFields.FOLDER, r.folder().toAbsolutePath().normalize().toString())));
        }
        if (!r.groupFilter().isEmpty()) {
            Set<String> hashes = new LinkedHashSet<>();
            for (String g : r.groupFilter()) {
                hashes.addAll(r.groups().getOrDefault(g, Set.of()));
            }
            f.put(FacetCollectorManager.GROUP, hashes.isEmpty() ? new MatchNoDocsQuery("no documents in the groups")
                    : KeywordField.newSetQuery(KbFields.SHA256, bytes(hashes)));
        }
        return f;
    }

    private static List<BytesRef> bytes(Collection<String> values) {
        return values.stream().map(v -> new BytesRef(v.toLowerCase(java.util.Locale.ROOT))).toList();
    }

    private static Query filtered(Query query, Map<String, Query> filters, String except) {
        if (filters.isEmpty() || filters.size() == 1 && filters.containsKey(except)) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        filters.forEach((dim, f) -> {
            if (!dim.equals(except)) {
                b.add(f, BooleanClause.Occur.FILTER);
            }
        });
        return b.build();
    }

    /**
     * A stored document with the matches of a query and the other files of the same document, for the document viewer.
     *
     * @param file the file
     * @param query a query whose matches are returned as highlights, or {@code null}
     * @return the document, or empty if the file is not in the index
     * @throws QuerySyntaxException if the query cannot be parsed
     * @throws IOException on index errors
     */
    public Optional<StoredDocument> document(Path file, String query) throws QuerySyntaxException, IOException {
        String key = file.toAbsolutePath().normalize().toString();
        try (Acquired a = acquire()) {
            IndexSearcher s = a.searcher();
            QueryLimits.Deadline deadline = new QueryLimits.Deadline(QueryLimits.TIME_BUDGET);
            Query q = query == null || query.isBlank() ? null
                    : parse(query, List.of(), false, s.getIndexReader(), deadline);
            TopDocs td = s.search(new TermQuery(new Term(KbFields.PATH, key)), 1);
            if (td.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = td.scoreDocs[0].doc;
            Document d = s.storedFields().document(doc);
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            NumericDocValues mtime = leaf.reader().getNumericDocValues(DocumentMapper.MTIME);
            long lastModified = mtime != null && mtime.advanceExact(doc - leaf.docBase) ? mtime.longValue() : 0L;
            IndexableField size = d.getField(DocumentMapper.SIZE);
            Language lang = Language.fromCode(d.get(KbFields.LANG));
            List<Highlight> highlights = q == null ? List.of()
                    : Snippets.highlights(s, analyzer, highlightQuery(s, q, query, List.of(), deadline), doc, lang);
            IndexableField ocr = d.getField(DocumentMapper.OCR);
            HitValues.Values[] values = HitValues.read(s.getIndexReader(), new int[] {doc});
            List<SearchHit.Copy> others = copies(s.getIndexReader(), CopyGroups.of(s.getIndexReader()), values)
                    .getOrDefault(values[0].group(), List.of()).stream()
                    .filter(c -> !c.path().toString().equals(values[0].path())).toList();
            return Optional.of(new StoredDocument(Path.of(d.get(KbFields.PATH)), d.get(KbFields.TITLE),
                    d.get(DocumentMapper.DESCRIPTION), lang, DocumentFormat.fromId(d.get(KbFields.FORMAT)),
                    d.get(KbFields.ENCODING), encodingSource(d.get(DocumentMapper.ENCODING_SOURCE)), date(d),
                    size == null ? 0 : size.numericValue().longValue(), lastModified, d.get(KbFields.SHA256),
                    d.get(DocumentMapper.BODY), highlights, new DocumentMetadata(d.get(DocumentMapper.AUTHOR),
                            instant(d, DocumentMapper.CREATED), instant(d, DocumentMapper.MODIFIED),
                            ocr == null ? null : ocr.numericValue().longValue() / 100.0), others));
        }
    }

    private void ensureOpen() {
        state.ensureOpen();
    }

    /** Closes the index; a running update is cancelled and waited for. */
    @Override
    public void close() throws IOException {
        state.close(() -> {
            manager.close();
            directory.close();
        });
    }
}
