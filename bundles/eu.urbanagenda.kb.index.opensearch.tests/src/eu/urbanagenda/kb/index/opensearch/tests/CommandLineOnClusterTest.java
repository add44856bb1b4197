package eu.urbanagenda.kb.index.opensearch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.Invocation;
import eu.urbanagenda.kb.cli.internal.KbCli;
import eu.urbanagenda.kb.cli.internal.Timings;
import eu.urbanagenda.kb.core.BackendSetting;
import eu.urbanagenda.kb.core.KbLocations;
import eu.urbanagenda.kb.core.KbSessionService;

/**
 * The command line through the one session service: {@code kb index} and {@code kb search} with
 * {@code --backend URL} work on an index of a real node and find what the local index finds, for a sample of the
 * corpus and of the known-item queries; the knowledge base stays in the data directory.
 */
class CommandLineOnClusterTest {

    private static final int QUERIES = 12;

    @TempDir
    static Path tmp;
    static ServiceTracker<KbSessionService, KbSessionService> tracker;
    static KbSessionService sessions;
    static String url;
    static final List<String> queries = new ArrayList<>();
    static final List<String> files = new ArrayList<>();

    /** What one run of `kb` printed. */
    record Run(int status, List<String> out, String err) {
    }

    @BeforeAll
    static void indexTheSampleBothWays() throws Exception {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(CommandLineOnClusterTest.class).getBundleContext(),
                KbSessionService.class, null);
        tracker.open();
        sessions = tracker.waitForService(10_000);
        assertNotNull(sessions, "Declarative Services registered the session service");

        Path shared = Path.of(System.getProperty("kb.shared", "../shared"));
        Path corpus = shared.resolve("corpus");
        List<String> rows = Files.readAllLines(shared.resolve("eval/known-item-queries.tsv"), StandardCharsets.UTF_8);
        int step = (rows.size() - 1) / QUERIES;
        for (int i = 1; i < rows.size() && queries.size() < QUERIES; i += step) {
            String[] f = rows.get(i).split("\t");
            queries.add(f[3]);
            files.add(corpus.resolve(f[1]).resolve(f[4]).toString());
        }
        for (String lang : List.of("uk", "bg")) {
            try (Stream<Path> list = Files.list(corpus.resolve(lang))) {
                list.sorted().limit(15).forEach(p -> files.add(p.toString()));
            }
        }
        url = TestCluster.shared().url(Indices.fresh("cli"));

        // the local data directory indexes the bundled seeds on first use; the cluster's index gets them explicitly.
        // The service is shared by the runs, as the workbench's is: each run names its engine
        List<String> local = new ArrayList<>(List.of("--data", tmp.resolve("local").toString(), "--backend", "local", "--json",
                "index"));
        local.addAll(files);
        Run l = kb(local);
        assertEquals(ExitStatus.OK, l.status(), l.err());
        List<String> cluster = new ArrayList<>(List.of("--data", tmp.resolve("cluster").toString(), "--backend", url,
                "--json", "index"));
        KbLocations.seedDocuments().forEach(p -> cluster.add(p.toString()));
        cluster.addAll(files);
        Run c = kb(cluster);
        assertEquals(ExitStatus.OK, c.status(), c.err());
        assertEquals(lastLine(l.out()).get("documents"), lastLine(c.out()).get("documents"), c.err());
    }

    @AfterAll
    static void close() {
        if (sessions != null) {
            sessions.setBackend(BackendSetting.fromEnvironment(System.getenv()));
        }
        tracker.close();
    }

    @Test
    void searchesGiveTheLocalIndexsHits() throws Exception {
        List<String> asked = new ArrayList<>(queries);
        asked.addAll(List.of("бюджет*", "\"міська політика\"", "lang:bg AND община", "*:*"));
        for (String query : asked) {
            Run l = kb(List.of("--data", tmp.resolve("local").toString(), "--backend", "local", "--json", "search",
                    "--limit", "100", query));
            Run c = kb(List.of("--data", tmp.resolve("cluster").toString(), "--backend", url, "--json", "search",
                    "--limit", "100", query));
            assertEquals(ExitStatus.OK, l.status(), query + ": " + l.err());
            assertEquals(ExitStatus.OK, c.status(), query + ": " + c.err());
            assertEquals(hits(l), hits(c), query);
            assertEquals(l.err().replaceAll("\\(\\d+ ms\\)", ""), c.err().replaceAll("\\(\\d+ ms\\)", ""), query);
        }
        assertTrue(hits(kb(List.of("--data", tmp.resolve("cluster").toString(), "--backend", url, "--json",
                "search", "--limit", "100", "*:*"))).size() > files.size() / 2, "the sample is found on the cluster");
    }

    @Test
    void theKnowledgeBaseStaysInTheDataDirectoryAndTheIndexOnTheCluster() throws Exception {
        Path data = tmp.resolve("cluster");
        assertTrue(Files.exists(data.resolve("urban-agenda.xmi")));
        assertFalse(Files.exists(data.resolve("index")), "no local index");
        Run partnerships = kb(List.of("--data", data.toString(), "--backend", url, "--json", "partnerships"));
        assertEquals(ExitStatus.OK, partnerships.status(), partnerships.err());
        assertEquals(21, partnerships.out().size());
    }

    @Test
    void aNodeWithoutAnswerIsOneLineNamingItAndExitStatus3() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // a data directory set up before, so that the problem is the only line
        Run r = kb(List.of("--data", tmp.resolve("cluster").toString(), "--backend",
                "http://analyst:s3cret@127.0.0.1:" + port, "search", "бюджет"));
        assertEquals(ExitStatus.DATA, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("kb search: Cannot reach OpenSearch at http://127.0.0.1:" + port + ": connection refused"),
                r.err());
        assertFalse(r.err().contains("s3cret") || r.err().contains("Exception"), r.err());
    }

    /** Each hit as its file, score (to 4 decimals: the engines agree to 1e-5) and snippet. */
    private static List<String> hits(Run run) {
        List<String> hits = new ArrayList<>();
        for (String line : run.out()) {
            JsonObject hit = JsonParser.parseString(line).getAsJsonObject();
            hits.add(String.format(java.util.Locale.ROOT, "%s %.4f %s", hit.get("path").getAsString(),
                    hit.get("score").getAsFloat(), hit.get("snippet")));
        }
        // within tied scores the engines may order differently
        hits.sort(java.util.Comparator.comparing((String h) -> -Double.parseDouble(h.split(" ")[1]))
                .thenComparing(h -> h));
        return hits;
    }

    private static JsonObject lastLine(List<String> out) {
        return JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
    }

    private static Run kb(List<String> arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Invocation invocation = new Invocation(arguments, Path.of("").toAbsolutePath(),
                json -> new Console(out, err, false, false, json), InputStream.nullInputStream(), onInterrupt -> () -> {
                }, Timings.off(), false);
        int status = new KbCli().run(invocation, sessions);
        String text = out.toString(StandardCharsets.UTF_8);
        return new Run(status, text.isEmpty() ? List.of() : text.lines().toList(), err.toString(StandardCharsets.UTF_8));
    }
}
