package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * The command line handed to a running `kb serve`: for every kind of command exactly what standalone `kb` prints, with
 * the same exit status (also on a terminal, with relative paths and standard input), and what can go wrong around it: a
 * service killed mid-command, a stale socket, a service that does not answer, another user, a second service.
 */
class ServiceTest {

    @TempDir
    static Path work;

    /** The seeds and the Bulgarian e-government texts of the corpus, served by {@link #service}. */
    static Path data;
    static Service service;
    /** A working folder with files named relative to it. */
    static Path cwd;

    static final String QUERIES = "громада\n\nhromada\ntitle:(громада\nелектронно управление\n";

    @BeforeAll
    static void serveADataDirectory() throws Exception {
        data = work.resolve("data");
        List<String> index = new ArrayList<>(List.of("index"));
        index.addAll(corpus("bg", "bg_egov_", 100));
        assertEquals(0, Cli.run(data, index.toArray(String[]::new)).exit());
        cwd = Files.createDirectories(work.resolve("cwd"));
        Files.writeString(cwd.resolve("queries.txt"), QUERIES, StandardCharsets.UTF_8);
        String knowledgeBase = Files.readString(data.resolve("urban-agenda.xmi"), StandardCharsets.UTF_8);
        Files.writeString(cwd.resolve("broken.xmi"), knowledgeBase.replaceFirst("country=\"FI\"", "country=\"XX\""),
                StandardCharsets.UTF_8);
        Path docs = Files.createDirectories(cwd.resolve("docs"));
        Files.writeString(docs.resolve("budget.txt"), "Територіальна громада ухвалила бюджет розвитку на 2024 рік.",
                StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("obshtina.html"), "<html lang=bg><title>Общината</title><p>Общината прие дигитален план.",
                StandardCharsets.UTF_8);
        Files.write(docs.resolve("empty.txt"), new byte[0]);
        service = Service.start(data);
    }

    @AfterAll
    static void stopTheService() throws Exception {
        if (service != null && service.alive()) {
            assertEquals(143, service.stop(), service.log());
            assertTrue(service.log().contains("kb serve: stopped"), service.log());
            assertFalse(Files.exists(data.resolve(".kb-service/socket"), LinkOption.NOFOLLOW_LINKS), "the socket is removed");
        }
    }

    static List<String> corpus(String language, String prefix, int count) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("kb.shared"), "corpus", language))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().limit(count).map(Path::toString).toList();
        }
    }

    @Test
    void everyCommandPrintsTheSameThroughTheService() throws Exception {
        List<List<String>> commands = List.of(
                List.of("search", "громада"),
                List.of("--json", "search", "--lang", "uk", "громадами"),
                List.of("search", "--facets", "--limit", "3", "hromada"),
                List.of("--json", "search", "--facets", "електронно", "управление"),
                List.of("search", "--partnership", "digital-transition", "--sort", "date", "громад*"),
                List.of("search", "--offset", "5", "--limit", "2", "управление"),
                List.of("search", "--expand", "digital", "transition"),
                List.of("search", "--folder", "docs", "громада"),
                List.of("search", "--batch", "queries.txt"),
                List.of("search", "--batch", "no-such-file.txt"),
                List.of("search", "title:(громада"),
                List.of("search", "--colour", "red", "x"),
                List.of("search", "--partnership", "nope", "x"),
                List.of("search"),
                List.of("serch", "x"),
                List.of("show", "digital-transition"),
                List.of("--json", "show", "housing"),
                List.of("show", "no-such-partnership"),
                List.of("partnerships", "--country", "BG"),
                List.of("--json", "partnerships", "--status", "active"),
                List.of("export", "--format", "csv", "--what", "evidence"),
                List.of("export", "--format", "json", "--what", "documents"),
                List.of("export", "--format", "csv", "--output", "partnerships.csv"),
                List.of("export"),
                List.of("validate"),
                List.of("validate", "broken.xmi"),
                List.of("--json", "validate", "broken.xmi"),
                List.of("validate", "missing.xmi"),
                List.of("link", "--dry-run", "--threshold", "0.3"),
                List.of("--help"),
                List.of("search", "--help"),
                List.of("--version"));
        for (List<String> command : commands) {
            assertSameBothWays(data, null, command);
        }
        assertTrue(service.log().contains(" search --batch queries.txt: exit 2"), "the service ran them:\n" + service.log());
    }

    @Test
    void standardInputIsReadAsStandaloneReadsIt() throws Exception {
        assertSameBothWays(data, QUERIES, List.of("search", "--batch", "-"));
        Cli.Result fromFile = run(true, data, null, "search", "--batch", "queries.txt");
        Cli.Result fromStdin = run(true, data, QUERIES, "search", "--batch", "-");
        assertEquals(same(fromFile.out()), same(fromStdin.out()));
        assertEquals(2, fromStdin.exit(), fromStdin.toString());
        assertTrue(fromStdin.err().contains("from standard input"), fromStdin.err());
    }

    @Test
    void aBatchAnswersEveryQueryAndTellsWhichWasBad() throws Exception {
        Cli.Result result = run(true, data, null, "search", "--batch", "queries.txt", "--limit", "3");
        assertEquals(2, result.exit(), "a bad query is a usage error, after all were answered:\n" + result);
        List<JsonObject> lines = result.jsonLines();
        List<JsonObject> totals = lines.stream().filter(l -> !l.has("path")).toList();
        assertEquals(List.of("громада", "hromada", "title:(громада", "електронно управление"), totals.stream().map(t -> t.get("query").getAsString()).toList());
        assertEquals(List.of(1, 3, 4, 5), totals.stream().map(t -> t.get("line").getAsInt()).toList(), "blank lines are skipped, not renumbered");
        assertTrue(totals.get(0).get("documents").getAsInt() > 0, totals.toString());
        assertTrue(totals.get(2).get("error").getAsString().startsWith("bad query at character"), totals.toString());
        assertFalse(totals.get(2).has("documents"), totals.toString());
        assertTrue(totals.get(3).get("documents").getAsInt() > 0, "the query after the bad one is answered: " + totals);
        for (JsonObject hit : lines.stream().filter(l -> l.has("path")).toList()) {
            assertTrue(hit.has("query") && hit.has("line") && hit.has("snippet") && hit.has("partnerships"), hit.toString());
        }
        long hitsOfFirst = lines.stream().filter(l -> l.has("path") && l.get("line").getAsInt() == 1).count();
        assertEquals(Math.min(3, totals.get(0).get("documents").getAsInt()), hitsOfFirst, "--limit applies to each query");
    }

    @Test
    void onATerminalTheSameIsPrintedInBoldOrPlainAsNoColorSays() throws Exception {
        for (String noColor : new String[] { null, "1" }) {
            String standalone = onTerminal(false, noColor, "search", "--limit", "2", "громада");
            String served = onTerminal(true, noColor, "search", "--limit", "2", "громада");
            assertEquals(same(standalone), same(served));
            assertEquals(noColor == null, served.contains("\u001b[1m"), "bold unless NO_COLOR:\n" + served);
        }
    }

    @Test
    void relativeDataDirectoryAndPathsMeanTheSameThroughTheService() throws Exception {
        List<Cli.Result> results = new ArrayList<>();
        for (boolean served : new boolean[] { false, true }) {
            String bulgarian = cwd.relativize(Path.of(System.getProperty("kb.shared"), "corpus", "bg").toAbsolutePath().normalize()).toString();
            ProcessBuilder builder = Product.command(work.resolve("data-home"), "--data", "../data", "--json", "search", "--limit", "3",
                    "--folder", bulgarian, "управление");
            builder.environment().put("KB_SERVICE", served ? "only" : "off");
            builder.directory(cwd.toFile());
            results.add(Cli.run(builder));
        }
        assertEquals(0, results.get(1).exit(), results.get(1).toString());
        assertEquals(3, results.get(1).jsonLines().size(), results.get(1).toString());
        assertEquals(same(results.get(0).out()), same(results.get(1).out()));
        assertEquals(same(results.get(0).err()), same(results.get(1).err()));
    }

    /** Index and link change a data directory: run on twins, one standalone and one served, they print the same. */
    @Test
    void indexAndLinkChangeTheDataAsStandaloneWould() throws Exception {
        Path solo = work.resolve("twin-solo");
        Path served = work.resolve("twin-served");
        assertEquals(0, run(false, solo, null, "search", "громада").exit());
        assertEquals(0, run(false, served, null, "search", "громада").exit());
        Service twin = Service.start(served);
        try {
            // one thread: the files are read, and their progress shown, in one order
            for (List<String> command : List.of(List.of("index", "--threads", "1", "docs"), List.of("--json", "index", "--threads", "1", "docs"),
                    List.of("search", "бюджету"),
                    List.of("link"), List.of("link"), List.of("show", "digital-transition"), List.of("index", "--threads", "1"))) {
                Cli.Result a = run(false, solo, null, command.toArray(String[]::new));
                Cli.Result b = run(true, served, null, command.toArray(String[]::new));
                assertEquals(a.exit(), b.exit(), command + "\n" + a + "\n" + b);
                assertEquals(same(a.out()).replace(solo.toString(), "DATA"), same(b.out()).replace(served.toString(), "DATA"), command.toString());
                assertEquals(same(a.err()).replace(solo.toString(), "DATA"), same(b.err()).replace(served.toString(), "DATA"), command.toString());
            }
        } finally {
            twin.stop();
        }
        assertTrue(twin.log().contains(" link: exit 0"), twin.log());
    }

    /**
     * kill -9 of the service while it indexes: the client says so in one line (exit 3); the socket it leaves is found stale
     * and the next command runs standalone; nothing is lost: the knowledge base validates, the index answers, and indexing
     * again completes. The next service replaces a stale socket.
     */
    @Test
    void aServiceKilledMidCommandLeavesAClearMessageAndTheDataIntact() throws Exception {
        Path dir = newDataDirectory("killed");
        Service victim = Service.start(dir);
        List<String> files = corpus("uk", "uk_", 300);
        List<String> index = new ArrayList<>(List.of("index"));
        index.addAll(files);
        ProcessBuilder builder = command(true, dir, index.toArray(String[]::new));
        Path out = work.resolve("killed-out.txt");
        Path err = work.resolve("killed-err.txt");
        Process client = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        waitForProgress(err, client);
        victim.kill();
        assertTrue(client.waitFor(60, TimeUnit.SECONDS), "the client ends when its service is gone");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(3, client.exitValue(), stderr);
        List<String> messages = stderr.lines().filter(l -> l.startsWith("kb: ")).toList();
        assertEquals(1, messages.size(), stderr);
        assertTrue(messages.get(0).contains("stopped before the command finished"), stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);

        Path socket = dir.resolve(".kb-service/socket");
        assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "kill -9 leaves its socket behind");
        ProcessBuilder auto = Product.command(dir.resolveSibling(dir.getFileName() + "-home"), "--data", dir.toString(), "search", "громада");
        auto.environment().put("KB_SERVICE", ""); // as users run it: a service if one answers
        Cli.Result search = Cli.run(auto);
        assertEquals(0, search.exit(), search.toString());
        assertTrue(search.out().contains("001_be425302bce8815f.txt"), "standalone after the stale socket:\n" + search);
        assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "the stale socket was removed");
        Cli.Result validate = run(false, dir, null, "validate");
        assertEquals(0, validate.exit(), validate.toString());
        List<String> again = new ArrayList<>(List.of("--json", "index"));
        again.addAll(files);
        Cli.Result reindexed = run(false, dir, null, again.toArray(String[]::new));
        assertEquals(0, reindexed.exit(), reindexed.toString());
        JsonObject summary = reindexed.jsonLines().get(reindexed.jsonLines().size() - 1);
        assertEquals(files.size(), summary.get("added").getAsInt() + summary.get("unchanged").getAsInt(), summary.toString());

        Service next = Service.start(dir);
        next.kill();
        assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
        Service replacing = Service.start(dir);
        try {
            Cli.Result served = run(true, dir, null, "search", "громада");
            assertEquals(0, served.exit(), served + "\n" + replacing.log());
        } finally {
            replacing.stop();
        }
    }

    /** SIGTERM to `kb` (as `timeout` or `kill` send it) reaches the served command: an index run stops and keeps its work. */
    @Test
    void aSignalToTheClientStopsTheServedCommand() throws Exception {
        Path dir = newDataDirectory("signalled");
        Service host = Service.start(dir);
        try {
            List<String> index = new ArrayList<>(List.of("index"));
            index.addAll(corpus("uk", "uk_", 300));
            Path err = work.resolve("signalled-err.txt");
            Process client = command(true, dir, index.toArray(String[]::new)).redirectOutput(work.resolve("signalled-out.txt").toFile())
                    .redirectError(err.toFile()).start();
            waitForProgress(err, client);
            client.toHandle().destroy();
            assertTrue(client.waitFor(60, TimeUnit.SECONDS));
            assertEquals(143, client.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!host.log().contains(" index /") && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertTrue(host.log().matches("(?s).* index /[^\\n]*: exit 0, .*"), "the index run stopped and ended normally:\n" + host.log());
            assertTrue(host.alive(), "the service goes on");
            Cli.Result search = run(true, dir, null, "search", "громада");
            assertEquals(0, search.exit(), search.toString());
        } finally {
            host.stop();
        }
    }

    @Test
    void aServiceThatDoesNotAnswerIsPassedBy() throws Exception {
        Path dir = newDataDirectory("mute");
        Path folder = Files.createDirectories(dir.resolve(".kb-service"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        List<SocketChannel> taken = new CopyOnWriteArrayList<>();
        try (ServerSocketChannel mute = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            mute.bind(UnixDomainSocketAddress.of(folder.resolve("socket")));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        taken.add(mute.accept()); // and never a word back
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ProcessBuilder auto = Product.command(dir.resolveSibling("mute-home"), "--data", dir.toString(), "search", "громада");
            auto.environment().put("KB_SERVICE", ""); // as users run it: a service if one answers
            Cli.Result result = Cli.run(auto);
            assertEquals(0, result.exit(), result.toString());
            assertTrue(result.out().contains("001_be425302bce8815f.txt"), "answered standalone:\n" + result);
            assertEquals(1, taken.size(), "the client asked the socket first");
        } finally {
            for (SocketChannel channel : taken) {
                channel.close();
            }
        }
    }

    @Test
    void aSecondServiceForTheSameDataDirectoryIsRefused() throws Exception {
        ProcessBuilder second = Product.command(work.resolve("data-home"), "--data", data.toString(), "serve");
        Cli.Result result = Cli.run(second);
        assertEquals(3, result.exit(), result.toString());
        assertEquals(1, result.err().strip().lines().filter(l -> l.startsWith("kb serve: ")).count(), result.toString());
        assertTrue(result.err().contains("is served already by kb serve, pid " + service.pid()), result.toString());
    }

    /**
     * Another user cannot use the service: its folder keeps them out, and were it opened up, the service still closes their
     * connection; the client then says there is no service (75), and no command of theirs ran.
     */
    @Test
    void anotherUserCannotUseTheService() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run the client as nobody");
        Path client = clientScript();
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path folder = data.resolve(".kb-service");
        Path socket = folder.resolve("socket");
        String before = service.log();
        assertEquals(75, asNobody(client, "search", "громада"), "the folder (0700) keeps nobody out");
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            assertEquals(75, asNobody(client, "search", "громада"), "the service closes another user's connection");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        }
        assertEquals(before, service.log(), "no command of another user ran");
    }

    private static int asNobody(Path client, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "perl",
                client.toString(), data.toString(), build(), "false", "false"));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals("", output, "the client itself prints nothing when there is no service");
        return process.exitValue();
    }

    /** The product's client, copied where any user may read it. */
    private static Path clientScript() throws IOException {
        Path open = Files.createDirectories(work.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copy = open.resolve("kb-client");
        Files.copy(Product.dir().resolve("lib/kb-client"), copy);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        return copy;
    }

    /** The build a client must be of: the version of the product's cli bundle, as the start script takes it. */
    private static String build() throws IOException {
        try (Stream<Path> plugins = Files.list(Product.dir().resolve("plugins"))) {
            String jar = plugins.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("eu.urbanagenda.kb.cli_")).findFirst()
                    .orElseThrow();
            return jar.substring("eu.urbanagenda.kb.cli_".length(), jar.length() - ".jar".length());
        }
    }

    private static void waitForProgress(Path err, Process client) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(err, StandardCharsets.UTF_8).matches("(?s).*Indexing: [1-9]\\d*%.*")) {
            assertTrue(client.isAlive(), "the index run goes on: " + Files.readString(err, StandardCharsets.UTF_8));
            assertTrue(System.nanoTime() < end, "indexing shows progress within 120 s");
            Thread.sleep(20);
        }
    }

    private static void assertSameBothWays(Path dir, String stdin, List<String> command) throws Exception {
        String[] args = command.toArray(String[]::new);
        Cli.Result standalone = run(false, dir, stdin, args);
        Cli.Result served = run(true, dir, stdin, args);
        String what = "kb " + String.join(" ", command) + "\n--- standalone:\n" + standalone + "\n--- served:\n" + served;
        assertEquals(standalone.exit(), served.exit(), what);
        assertEquals(same(standalone.out()), same(served.out()), what);
        assertEquals(same(standalone.err()), same(served.err()), what);
    }

    /** The output with the times taken (which differ from run to run) made equal. */
    static String same(String text) {
        return text.replaceAll("\\d+ ms\\b", "N ms").replaceAll("\"ms\":\\d+", "\"ms\":N").replaceAll("in \\d+[.,]\\d s", "in N s")
                .replaceAll("\"seconds\":[\\d.]+", "\"seconds\":N");
    }

    /** A data directory under the work folder, set up by a first standalone command. */
    private static Path newDataDirectory(String name) throws Exception {
        Path dir = work.resolve(name);
        assertEquals(0, run(false, dir, null, "partnerships").exit());
        return dir;
    }

    private static Cli.Result run(boolean served, Path dir, String stdin, String... args) throws Exception {
        ProcessBuilder builder = command(served, dir, args);
        if (stdin != null) {
            Path input = Files.createTempFile(work, "stdin", ".txt");
            Files.writeString(input, stdin, StandardCharsets.UTF_8);
            builder.redirectInput(input.toFile());
        } else {
            builder.redirectInput(new File("/dev/null"));
        }
        return Cli.run(builder);
    }

    /** `kb --data DIR ARGS` run in {@link #cwd}, standalone or only through the service (KB_SERVICE). */
    private static ProcessBuilder command(boolean served, Path dir, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--data", dir.toString()));
        all.addAll(Arrays.asList(args));
        ProcessBuilder builder = Product.command(dir.resolveSibling(dir.getFileName() + "-home"), all.toArray(String[]::new));
        builder.environment().put("KB_SERVICE", served ? "only" : "off");
        builder.environment().remove("DISPLAY");
        builder.directory(cwd.toFile());
        return builder;
    }

    /** What `kb --data DATA ARGS` shows on a terminal (a pseudo-terminal of `script`): stdout and stderr together. */
    private static String onTerminal(boolean served, String noColor, String... args) throws Exception {
        StringBuilder line = new StringBuilder(quote(Product.startScript().toString())).append(" --data ").append(quote(data.toString()));
        for (String arg : args) {
            line.append(' ').append(quote(arg));
        }
        ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-c", line.toString(), "/dev/null");
        builder.environment().put("HOME", work.resolve("data-home").toString());
        builder.environment().put("XDG_CACHE_HOME", work.resolve("data-home/.cache").toString());
        builder.environment().put("KB_SERVICE", served ? "only" : "off");
        builder.environment().remove("DISPLAY");
        if (noColor == null) {
            builder.environment().remove("NO_COLOR");
        } else {
            builder.environment().put("NO_COLOR", noColor);
        }
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
