package eu.urbanagenda.kb.git.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real Git (Debian's git package): bare repositories, their hooks, fsck and a git daemon on loopback. */
final class GitProcess {

    private GitProcess() {
    }

    /** Runs git in {@code directory}; its output, or an AssertionError with what it said. */
    static String git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("git " + String.join(" ", arguments) + " failed in " + directory + ":\n" + out);
        }
        return out;
    }

    /** A new bare repository: the shared knowledge base, empty. */
    static Path bare(Path directory) throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(directory);
        git(directory, "init", "--bare", "--quiet", "--initial-branch=main");
        return directory;
    }

    /** A git daemon serving the repositories under {@code base} (read and write) on a free port of the loopback. */
    static final class Daemon implements AutoCloseable {

        final int port;
        private final Process process;

        Daemon(Path base) throws IOException, InterruptedException {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            process = new ProcessBuilder("git", "daemon", "--reuseaddr", "--listen=127.0.0.1", "--port=" + port, "--base-path=" + base,
                    "--export-all", "--enable=receive-pack", "--informative-errors", base.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return;
                } catch (IOException notYet) {
                    if (!process.isAlive() || System.nanoTime() > until) {
                        throw new AssertionError("git daemon did not start on port " + port);
                    }
                    Thread.sleep(20);
                }
            }
        }

        /** The address of a repository under the base folder. */
        String url(String name) {
            return "git://127.0.0.1:" + port + "/" + name;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
