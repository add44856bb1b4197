package eu.urbanagenda.kb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

import eu.urbanagenda.kb.analysis.Transliteration;
import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.UpdateRequest;

/**
 * Search quality on the known-item queries of {@code ../shared/eval/known-item-queries.tsv} (not a test): the product
 * (one index of the Ukrainian and Bulgarian corpus, the query as typed, no filter, as {@code kb search} runs it)
 * against Lucene's stock analyzers (UkrainianMorfologikAnalyzer and BulgarianAnalyzer, one index per language, BM25,
 * classic query parser with default operator AND), measured in the same run. Recall at 10 and mean reciprocal rank
 * (rank beyond 10 counts 0) per language and kind, for all queries and for the two halves of a fixed split (queries
 * with an even number in their id, used to tune the ranking, and odd ones, held out). Run it with
 * {@code quality.sh}.
 */
public final class QualityBench {

    /** One known-item query. */
    record Query(String id, String lang, String kind, String text, String target) {
        int number() {
            return Integer.parseInt(id.replaceAll("\\D", ""));
        }
    }

    /**
     * The rank (1-based, 0 when not in the top 10) of each query's target, per system, and whether the product's first
     * hit, when it is another document, has the query's words in the form typed.
     */
    record Ranks(Query query, int product, int stock, boolean firstHasTypedForm, String first, boolean copy,
            int lackingFormFirst) {
    }

    private static final int TOP = 10;

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of("../shared/corpus");
        Path queries = Path.of("../shared/eval/known-item-queries.tsv");
        Path work = Path.of("target/quality");
        boolean misses = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--queries" -> queries = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--misses" -> misses = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Query> qs = read(queries);
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        try (KbIndex index = KbIndex.open(work.resolve("product"))) {
            index.update(UpdateRequest.builder().source(corpus.resolve("uk")).source(corpus.resolve("bg")).build(),
                    null);
            Map<String, IndexSearcher> stock = new LinkedHashMap<>();
            Map<String, Analyzer> analyzers = Map.of("uk", new UkrainianMorfologikAnalyzer(), "bg",
                    new BulgarianAnalyzer());
            List<DirectoryReader> readers = new ArrayList<>();
            for (String lang : List.of("uk", "bg")) {
                Path dir = work.resolve("stock-" + lang);
                if (!Files.exists(dir.resolve("segments_1"))) {
                    stockIndex(corpus.resolve(lang), dir, analyzers.get(lang));
                }
                DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir));
                readers.add(r);
                stock.put(lang, new IndexSearcher(r));
            }
            System.out.printf(Locale.ROOT, "# Known-item search quality, %s%n%nIndexes ready in %.1f s; %d queries "
                    + "from %s.%n", Instant.now(), (System.nanoTime() - t0) / 1e9, qs.size(), queries);
            List<Ranks> ranks = new ArrayList<>();
            for (Query q : qs) {
                SearchResult r = index.search(SearchRequest.builder(q.text()).page(0, TOP).snippets(false)
                        .facets(false).build());
                int product = rank(r, q);
                int stockRank = stockRank(stock.get(q.lang()), analyzers.get(q.lang()), q);
                boolean typed = product != 1 && !r.hits().isEmpty() && hasTypedForm(r.hits().get(0).path(), q.text());
                String first = r.hits().isEmpty() ? "-"
                        : r.hits().get(0).path().getParent().getFileName() + "/" + r.hits().get(0).path().getFileName();
                ranks.add(new Ranks(q, product, stockRank, typed, first, throughCopy(r, q, product),
                        lackingFormFirst(r, q)));
            }
            table("all queries", ranks);
            table("tuning half (even ids)", ranks.stream().filter(r -> r.query().number() % 2 == 0).toList());
            table("held-out half (odd ids)", ranks.stream().filter(r -> r.query().number() % 2 == 1).toList());
            List<Ranks> below = ranks.stream().filter(r -> r.product() != 1 && !r.query().kind().equals("pair"))
                    .toList();
            System.out.printf(Locale.ROOT, "%nOne-word queries whose target is not first: %d; the first hit has the "
                    + "word in the form typed (as the set takes the query's form from another document): %d.%n",
                    below.size(), below.stream().filter(Ranks::firstHasTypedForm).count());
            System.out.printf(Locale.ROOT, "The set's bias, not a ranking of the product: the same hits with those "
                    + "that lack the typed form moved first would score one-word MRR uk %.3f, bg %.3f (Latin uk %.3f, "
                    + "bg %.3f).%n", lackingFirstMrr(ranks, "uk", "inflected"), lackingFirstMrr(ranks, "bg", "inflected"),
                    lackingFirstMrr(ranks, "uk", "translit"), lackingFirstMrr(ranks, "bg", "translit"));
            List<Ranks> cyrillic = ranks.stream().filter(r -> r.query().kind().equals("inflected")).toList();
            System.out.printf(Locale.ROOT, "Cyrillic one-word queries whose target the product and the stock analyzers "
                    + "rank alike: %d of %d (product higher in %d, stock higher in %d).%n",
                    cyrillic.stream().filter(r -> r.product() == r.stock()).count(), cyrillic.size(),
                    cyrillic.stream().filter(r -> better(r.product(), r.stock())).count(),
                    cyrillic.stream().filter(r -> better(r.stock(), r.product())).count());
            List<Ranks> copies = ranks.stream().filter(Ranks::copy).toList();
            System.out.printf(Locale.ROOT, "Targets found as a copy listed in a hit (another file of the same "
                    + "document ranked in its place): %d%s%n", copies.size(), copies.isEmpty() ? ""
                            : copies.stream().map(c -> c.query().id() + " at " + c.product() + " (stock "
                                    + c.stock() + ")").collect(java.util.stream.Collectors.joining(", ", ": ", ".")));
            if (misses) {
                System.out.println("\nProduct below rank 1 (id, query, target, product rank, stock rank, first hit "
                        + "has the typed form, first hit):");
                for (Ranks r : ranks) {
                    if (r.product() != 1) {
                        System.out.printf("%s\t%s\t%s\t%d\t%d\t%s\t%s%n", r.query().id(), r.query().text(),
                                r.query().target(), r.product(), r.stock(), r.firstHasTypedForm(), r.first());
                    }
                }
            }
            for (DirectoryReader r : readers) {
                r.close();
            }
        }
    }

    private static List<Query> read(Path tsv) throws IOException {
        List<Query> out = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 5 && !f[0].equals("id")) {
                out.add(new Query(f[0], f[1], f[2], f[3], f[4]));
            }
        }
        return out;
    }

    /**
     * The rank of the hit that is the query's target: its file, or a hit that shows the target among its copies (the
     * product shows the files of one document as one hit, with the others listed in it).
     */
    private static int rank(SearchResult r, Query q) {
        List<SearchHit> hits = r.hits();
        for (int i = 0; i < hits.size(); i++) {
            if (shows(hits.get(i), q)) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * The target's rank if the hits that do not have the query's words in the form typed came first (in their order),
     * then the others: what the known-item set rewards, since it asks each target in a form it lacks.
     */
    private static int lackingFormFirst(SearchResult r, Query q) throws IOException {
        if (q.kind().equals("pair")) {
            return 0;
        }
        List<SearchHit> lacking = new ArrayList<>();
        List<SearchHit> having = new ArrayList<>();
        for (SearchHit h : r.hits()) {
            (hasTypedForm(h.path(), q.text()) ? having : lacking).add(h);
        }
        lacking.addAll(having);
        for (int i = 0; i < lacking.size(); i++) {
            if (shows(lacking.get(i), q)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Whether rank a (1-based, 0 = not in the top 10) is better than rank b. */
    private static boolean better(int a, int b) {
        return a != 0 && (b == 0 || a < b);
    }

    private static double lackingFirstMrr(List<Ranks> ranks, String lang, String kind) {
        return ranks.stream().filter(r -> r.query().lang().equals(lang) && r.query().kind().equals(kind))
                .mapToDouble(r -> r.lackingFormFirst() == 0 ? 0 : 1.0 / r.lackingFormFirst()).average().orElse(0);
    }

    /** Whether the target was reached as a copy listed in a hit rather than as the hit's own file. */
    private static boolean throughCopy(SearchResult r, Query q, int rank) {
        return rank > 0 && !isTarget(r.hits().get(rank - 1).path(), q);
    }

    /** Whether a hit shows the query's target: as its own file or among its copies. */
    private static boolean shows(SearchHit hit, Query q) {
        return isTarget(hit.path(), q) || hit.copies().stream().anyMatch(c -> isTarget(c.path(), q));
    }

    private static boolean isTarget(Path p, Query q) {
        return p.getFileName().toString().equals(q.target()) && p.getParent().getFileName().toString().equals(q.lang());
    }

    /**
     * Whether a file has the words of a query as typed: a Cyrillic word itself, a Latin word as a Cyrillic word with
     * the same transliteration key.
     */
    private static boolean hasTypedForm(Path file, String query) throws IOException {
        Set<String> words = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (String w : Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'’]+")) {
            words.add(w);
            keys.add(String.valueOf(Transliteration.searchKey(w)));
        }
        for (String w : query.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!words.contains(w) && !(w.matches("[a-z']+") && keys.contains(Transliteration.searchKey(w)))) {
                return false;
            }
        }
        return true;
    }

    private static int stockRank(IndexSearcher s, Analyzer a, Query q) throws IOException {
        QueryParser parser = new QueryParser("text", a);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        org.apache.lucene.search.Query query;
        try {
            query = parser.parse(q.text());
        } catch (ParseException e) {
            return 0;
        }
        if (query == null) {
            return 0;
        }
        ScoreDoc[] sd = s.search(query, TOP).scoreDocs;
        for (int i = 0; i < sd.length; i++) {
            if (q.target().equals(s.storedFields().document(sd[i].doc).get("name"))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void stockIndex(Path folder, Path dir, Analyzer a) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(a));
                Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                Document doc = new Document();
                doc.add(new StringField("name", p.getFileName().toString(), Field.Store.YES));
                doc.add(new TextField("text", Files.readString(p, StandardCharsets.UTF_8), Field.Store.NO));
                w.addDocument(doc);
            }
            w.commit();
        }
    }

    private static void table(String title, List<Ranks> ranks) {
        System.out.println();
        System.out.println("### " + title);
        System.out.println();
        System.out.println("| language, kind | queries | product r@10 | product MRR | stock r@10 | stock MRR |");
        System.out.println("|---|---|---|---|---|---|");
        for (String lang : List.of("uk", "bg")) {
            for (String kind : List.of("inflected", "pair", "translit")) {
                List<Ranks> g = ranks.stream().filter(r -> r.query().lang().equals(lang) && r.query().kind().equals(kind))
                        .toList();
                if (g.isEmpty()) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "| %s %s | %d | %.2f | %.3f | %.2f | %.3f |%n", lang, kind, g.size(),
                        recall(g, true), mrr(g, true), recall(g, false), mrr(g, false));
            }
        }
    }

    private static double recall(List<Ranks> g, boolean product) {
        return g.stream().filter(r -> (product ? r.product() : r.stock()) > 0).count() / (double) g.size();
    }

    private static double mrr(List<Ranks> g, boolean product) {
        return g.stream().mapToDouble(r -> {
            int rank = product ? r.product() : r.stock();
            return rank == 0 ? 0 : 1.0 / rank;
        }).sum() / g.size();
    }
}
