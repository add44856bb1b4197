package eu.urbanagenda.kb.client;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the service of a data directory listens: the Unix domain socket {@code DATA/.kb-service/socket}, in a folder that
 * only its owner may enter (mode 0700), beside the lock the serving process holds for as long as it serves. A socket's
 * path holds at most 107 bytes; for a data directory deeper than that the socket lives in a folder of the user's own
 * under the temporary folder, and {@code DATA/.kb-service/socket} is a symbolic link to it.
 */
public final class ServiceAddress {

    /** The service's folder in the data directory. */
    public static final String FOLDER = ".kb-service";
    private static final String SOCKET = "socket";
    private static final String LOCK = "lock";
    /** The bytes of a socket's path, without the closing NUL of the 108 that Linux keeps for it. */
    private static final int MAX_SOCKET_PATH = 107;

    private final Path dataDirectory;

    /** @param dataDirectory absolute and normalized */
    public ServiceAddress(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The folder of the socket and the lock; mode 0700. */
    public Path folder() {
        return dataDirectory.resolve(FOLDER);
    }

    /** The file the serving process holds a lock on while it serves (an OS lock: it goes with the process). */
    public Path lockFile() {
        return folder().resolve(LOCK);
    }

    /** The socket in the data directory, or the link to it where the data directory's path is too long for a socket. */
    public Path socketEntry() {
        return folder().resolve(SOCKET);
    }

    /** Whether {@link #socketEntry()} is short enough to be the socket itself. */
    public boolean socketFits() {
        return socketEntry().toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH;
    }

    /**
     * Where the socket is when {@link #socketEntry()} is too long: {@code TMP/urbanagenda-kb-USER/HASH.socket}, HASH of the
     * data directory's path.
     */
    public Path shortSocket() {
        long hash = 0xcbf29ce484222325L; // 64-bit FNV-1a
        for (byte b : dataDirectory.toString().getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        String name = String.format("%016x.socket", hash);
        return Path.of(System.getProperty("java.io.tmpdir"), "urbanagenda-kb-" + System.getProperty("user.name")).resolve(name);
    }

    /** The address a client connects to. @throws IOException when there is no socket entry */
    public UnixDomainSocketAddress connectAddress() throws IOException {
        Path entry = socketEntry();
        if (socketFits()) {
            return UnixDomainSocketAddress.of(entry);
        }
        return UnixDomainSocketAddress.of(entry.resolveSibling(Files.readSymbolicLink(entry)));
    }

    /**
     * Removes the socket of a service that is gone (killed, crashed): when nobody holds the lock, nobody serves. Does
     * nothing while a service holds it (it may be starting).
     *
     * @return whether a left-over socket was removed
     */
    public boolean removeIfStale() {
        try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            try {
                removeSocket();
                return true;
            } finally {
                lock.release();
            }
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false; // not ours to clean (another user's folder, a read-only disk)
        }
    }

    /** Removes the socket (and, for a long path, the link to it); the lock holder calls it. */
    public void removeSocket() throws IOException {
        Path entry = socketEntry();
        if (!socketFits() && Files.isSymbolicLink(entry)) {
            Files.deleteIfExists(entry.resolveSibling(Files.readSymbolicLink(entry)));
        }
        Files.deleteIfExists(entry);
    }
}
