package eu.urbanagenda.kb.index.opensearch.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real OpenSearch nodes on loopback for the tests: the distribution unpacked by the build ({@code kb.opensearch.home},
 * read only), each node in a folder of its own under the temporary directory (links to the distribution's bin, lib,
 * modules and agent; its own config, data, logs and plugins), optionally with the plugin zip ({@code kb.opensearch.plugin})
 * installed by {@code bin/opensearch-plugin install}. OpenSearch refuses to run as root: then the nodes run as
 * {@code nobody} through {@code setpriv}. Each node has a watchdog process that kills it when the test JVM is gone, so
 * no node outlives the tests even if the JVM is killed; {@link #close()} stops the nodes and removes their folders.
 * <p>
 * {@link #shared()} is the one-node cluster with the plugin that the test classes of this bundle share; it is started
 * on first use and stopped when the JVM exits. The cluster benchmark ({@code releng/eu.urbanagenda.kb.bench}) starts its
 * nodes with this class too.
 */
public final class TestCluster implements AutoCloseable {

    /** How long nodes may take to start and go green: 4 minutes, or {@code kb.opensearch.startMinutes} (a loaded machine). */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("kb.opensearch.startMinutes", 4));
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static TestCluster shared;

    private final String name;
    private final Path dir;
    private final List<Node> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A node: its folder, ports and process. */
    public final class Node {
        final String name;
        final Path home;
        final int httpPort;
        final int transportPort;
        Process process;
        Process watchdog;

        Node(String name, Path home, int httpPort, int transportPort) {
            this.name = name;
            this.home = home;
            this.httpPort = httpPort;
            this.transportPort = transportPort;
        }

        /** @return the process id of the node's JVM */
        public long pid() {
            return process.pid();
        }

        void start() throws IOException {
            List<String> command = new ArrayList<>();
            if (ROOT) {
                command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
            }
            command.addAll(List.of("env", "-i", "PATH=/usr/bin:/bin", "OPENSEARCH_PATH_CONF=" + home.resolve("config"),
                    "OPENSEARCH_JAVA_HOME=" + System.getProperty("java.home"),
                    "OPENSEARCH_TMPDIR=" + home.resolve("tmp"), home.resolve("bin/opensearch").toString()));
            Path console = home.resolve("logs/console.log");
            process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile())).start();
            // kills the node when the test JVM is gone, however it ended
            watchdog = new ProcessBuilder("sh", "-c", "while kill -0 " + ProcessHandle.current().pid()
                    + " 2>/dev/null && kill -0 " + process.pid() + " 2>/dev/null; do sleep 1; done; kill -9 "
                    + process.pid() + " 2>/dev/null").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }

        /** Kills the node at once (SIGKILL), as a crash would. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
            watchdog.destroy();
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            }
            if (watchdog != null) {
                watchdog.destroy();
            }
        }

        String console() {
            try {
                List<String> lines = Files.readAllLines(home.resolve("logs/console.log"), StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
            } catch (IOException e) {
                return "(no console log: " + e.getMessage() + ")";
            }
        }
    }

    private TestCluster(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    /** @return the one-node cluster with the plugin, shared by the tests of this bundle */
    static synchronized TestCluster shared() {
        if (shared == null) {
            try {
                shared = start("kb-shared", 1, true, "512m");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop OpenSearch"));
        }
        return shared;
    }

    /**
     * Starts a cluster and waits until it is green.
     *
     * @param name cluster name
     * @param size number of nodes
     * @param withPlugin whether the analysis plugin is installed
     * @param heap heap of each node
     * @return the running cluster
     */
    public static TestCluster start(String name, int size, boolean withPlugin, String heap) throws IOException {
        Path distribution = Path.of(System.getProperty("kb.opensearch.home", "missing-kb.opensearch.home"));
        if (!Files.isExecutable(distribution.resolve("bin/opensearch"))) {
            throw new IOException("no OpenSearch distribution at " + distribution + " (the build unpacks it; run the"
                    + " tests with Maven)");
        }
        Path dir = Files.createTempDirectory("kb-opensearch-");
        TestCluster cluster = new TestCluster(name, dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            int[] http = new int[size];
            int[] transport = new int[size];
            for (int i = 0; i < size; i++) {
                http[i] = freePort();
                transport[i] = freePort();
            }
            for (int i = 0; i < size; i++) {
                Path home = Files.createDirectory(dir.resolve("node-" + (i + 1)));
                cluster.nodes.add(cluster.new Node(name + "-" + (i + 1), home, http[i], transport[i]));
            }
            Path installed = null;
            for (Node node : cluster.nodes) {
                cluster.layOut(node, distribution, transport, heap);
                if (withPlugin) {
                    if (installed == null) {
                        cluster.installPlugin(node);
                        installed = node.home.resolve("plugins");
                    } else {
                        copyTree(installed, node.home.resolve("plugins"));
                    }
                }
                cluster.giveToNodeUser(node);
            }
            long start = System.nanoTime();
            for (Node node : cluster.nodes) {
                node.start();
            }
            cluster.waitFor("green", START_TIMEOUT);
            log(name + ": " + size + (size == 1 ? " node" : " nodes") + (withPlugin ? "" : " without the plugin")
                    + " green after " + seconds(start));
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void layOut(Node node, Path distribution, int[] transportPorts, String heap) throws IOException {
        for (String part : List.of("bin", "lib", "modules", "agent")) {
            Files.createSymbolicLink(node.home.resolve(part), distribution.resolve(part));
        }
        for (String part : List.of("plugins", "data", "logs", "tmp", "config", "config/jvm.options.d")) {
            Files.createDirectories(node.home.resolve(part));
        }
        Files.copy(distribution.resolve("config/jvm.options"), node.home.resolve("config/jvm.options"));
        Files.copy(distribution.resolve("config/log4j2.properties"), node.home.resolve("config/log4j2.properties"));
        Files.writeString(node.home.resolve("config/jvm.options.d/heap.options"), "-Xms" + heap + "\n-Xmx" + heap + "\n");
        StringBuilder yml = new StringBuilder();
        yml.append("cluster.name: ").append(name).append('\n');
        yml.append("node.name: ").append(node.name).append('\n');
        yml.append("network.host: 127.0.0.1\n");
        yml.append("http.port: ").append(node.httpPort).append('\n');
        yml.append("transport.port: ").append(node.transportPort).append('\n');
        yml.append("path.data: ").append(node.home.resolve("data")).append('\n');
        yml.append("path.logs: ").append(node.home.resolve("logs")).append('\n');
        // a nearly full disk of a build machine must not make the indices read-only
        yml.append("cluster.routing.allocation.disk.threshold_enabled: false\n");
        if (transportPorts.length == 1) {
            yml.append("discovery.type: single-node\n");
        } else {
            List<String> seeds = new ArrayList<>();
            for (int p : transportPorts) {
                seeds.add("127.0.0.1:" + p);
            }
            yml.append("discovery.seed_hosts: [").append(String.join(", ", seeds)).append("]\n");
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= transportPorts.length; i++) {
                names.add(name + "-" + i);
            }
            yml.append("cluster.initial_cluster_manager_nodes: [").append(String.join(", ", names)).append("]\n");
        }
        Files.writeString(node.home.resolve("config/opensearch.yml"), yml);
    }

    /** Installs the plugin zip the way an operator does. */
    private void installPlugin(Node node) throws IOException {
        Path zip = Path.of(System.getProperty("kb.opensearch.plugin", "missing-kb.opensearch.plugin"));
        if (!Files.isRegularFile(zip)) {
            throw new IOException("no plugin zip at " + zip + " (built by releng/eu.urbanagenda.kb.opensearch.plugin)");
        }
        ProcessBuilder install = new ProcessBuilder(node.home.resolve("bin/opensearch-plugin").toString(), "install",
                "--batch", zip.toUri().toString()).directory(node.home.toFile()).redirectErrorStream(true);
        install.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        install.environment().put("OPENSEARCH_PATH_CONF", node.home.resolve("config").toString());
        Process p = install.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("opensearch-plugin install failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void giveToNodeUser(Node node) throws IOException {
        if (!ROOT) {
            return;
        }
        UserPrincipal nobody = node.home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        for (String part : List.of("", "plugins", "data", "logs", "tmp", "config")) {
            try (Stream<Path> files = Files.walk(node.home.resolve(part), part.isEmpty() ? 0 : Integer.MAX_VALUE)) {
                for (Path f : files.toList()) {
                    Files.setOwner(f, nobody);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** @return the URL of every node, for the client's fail-over */
    String url() {
        List<String> hosts = new ArrayList<>();
        for (Node n : nodes) {
            hosts.add("127.0.0.1:" + n.httpPort);
        }
        return "http://" + String.join(",", hosts);
    }

    /**
     * @param index an index name
     * @return the URL of the nodes and that index
     */
    public String url(String index) {
        return url() + "/" + index;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Starts a node again (after {@link Node#kill()}) with its data, and waits for it to join. */
    void restart(Node node) throws IOException {
        long start = System.nanoTime();
        node.start();
        waitFor("green", START_TIMEOUT);
        log(name + ": " + node.name + " back, green after " + seconds(start));
    }

    /** Progress on the build's output: node starts are the slow part of these tests. */
    static void log(String message) {
        System.out.println("[opensearch] " + message);
    }

    static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * Waits until the cluster has all its nodes and the given health (green or yellow).
     *
     * @param status "green" or "yellow"
     * @param timeout how long
     */
    void waitFor(String status, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Node n : nodes) {
                if (n.process != null && !n.process.isAlive()) {
                    throw new IOException("node " + n.name + " exited with " + n.process.exitValue() + ":\n"
                            + n.console());
                }
            }
            for (Node n : nodes) {
                if (n.process == null || !n.process.isAlive()) {
                    continue;
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + n.httpPort + "/_cluster/health?wait_for_status=" + status + "&wait_for_nodes="
                            + nodes.size() + "&timeout=5s")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    last = r.body();
                    if (r.statusCode() == 200 && !r.body().contains("\"timed_out\":true")) {
                        return;
                    }
                } catch (IOException e) {
                    last = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                break;
            }
            sleep(1000);
        }
        throw new IOException("cluster " + name + " not " + status + " within " + timeout.toSeconds() + " s: " + last
                + "\n" + nodes.get(0).console());
    }

    /** Sends a request to the first live node, as an administrator would with curl. */
    String send(String method, String path, String json) throws IOException {
        for (Node n : nodes) {
            if (n.process == null || !n.process.isAlive()) {
                continue;
            }
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + path))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
                b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("no node of " + name + " is running");
    }

    /**
     * Merges an index until it holds no deleted documents. OpenSearch keeps a deleted document (soft delete) for its
     * copies' recovery until their retention lease has moved past it, so a merge may have to wait for that.
     *
     * @param index the index
     */
    void expungeDeletes(String index) throws IOException {
        long start = System.nanoTime();
        String stats = "";
        while (System.nanoTime() - start < START_TIMEOUT.toNanos()) {
            send("POST", "/" + index + "/_forcemerge?max_num_segments=1", null);
            stats = send("GET", "/" + index + "/_stats/docs?filter_path=_all.primaries.docs", null);
            if (stats.contains("\"deleted\":0")) {
                log(index + ": no deleted documents after " + seconds(start));
                return;
            }
            sleep(2000);
        }
        throw new IOException(index + " keeps deleted documents: " + stats);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every node and removes the folders. */
    @Override
    public void close() {
        for (Node n : nodes) {
            try {
                n.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                n.process.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // leftovers in the temporary directory only
        }
    }
}
