package eu.urbanagenda.kb.cli.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the service of a data directory listens: the Unix domain socket {@code DATA/.kb-service/socket}, in a folder that
 * only its owner may enter (mode 0700), beside the lock the serving process holds for as long as it serves. A socket's
 * path holds at most 107 bytes; for a data directory deeper than that the socket lives in a folder of the user's own
 * under the temporary folder, and {@code DATA/.kb-service/socket} is a symbolic link to it. A socket nobody listens on
 * is left by a service that was killed; the client ({@code lib/kb-client}) removes it when nobody holds the lock, the next
 * service under the lock.
 */
final class ServiceAddress {

    /** The service's folder in the data directory. */
    static final String FOLDER = ".kb-service";
    private static final String SOCKET = "socket";
    private static final String LOCK = "lock";
    /** The bytes of a socket's path, without the closing NUL of the 108 that Linux keeps for it. */
    private static final int MAX_SOCKET_PATH = 107;

    private final Path dataDirectory;

    /** @param dataDirectory absolute and normalized */
    ServiceAddress(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The folder of the socket and the lock; mode 0700. */
    Path folder() {
        return dataDirectory.resolve(FOLDER);
    }

    /** The file the serving process holds a lock on while it serves (an OS lock: it goes with the process). */
    Path lockFile() {
        return folder().resolve(LOCK);
    }

    /** The socket in the data directory, or the link to it where the data directory's path is too long for a socket. */
    Path socketEntry() {
        return folder().resolve(SOCKET);
    }

    /** Whether {@link #socketEntry()} is short enough to be the socket itself. */
    boolean socketFits() {
        return socketEntry().toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH;
    }

    /**
     * Where the socket is when {@link #socketEntry()} is too long: {@code TMP/urbanagenda-kb-USER/HASH.socket}, HASH of the
     * data directory's path.
     */
    Path shortSocket() {
        long hash = 0xcbf29ce484222325L; // 64-bit FNV-1a
        for (byte b : dataDirectory.toString().getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        String name = String.format("%016x.socket", hash);
        return Path.of(System.getProperty("java.io.tmpdir"), "urbanagenda-kb-" + System.getProperty("user.name")).resolve(name);
    }

    /** Removes the socket (and, for a long path, the link to it); the lock holder calls it. */
    void removeSocket() throws IOException {
        Path entry = socketEntry();
        if (!socketFits() && Files.isSymbolicLink(entry)) {
            Files.deleteIfExists(entry.resolveSibling(Files.readSymbolicLink(entry)));
        }
        Files.deleteIfExists(entry);
    }
}
