package eu.urbanagenda.kb.cli.service;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.function.Consumer;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The listening socket of one data directory ({@link ServiceAddress}): the lock taken first (so two services never serve
 * one data directory, and a socket left by a killed one is known to be stale and replaced), the folder made the owner's
 * alone (0700), the socket 0600, and every connection checked to come from the same user.
 */
final class ServiceSocket {

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /** Another process (or this one) serves the data directory already. */
    static final class ServedElsewhereException extends IOException {

        private static final long serialVersionUID = 1L;

        ServedElsewhereException(Path dataDirectory, String by) {
            super(dataDirectory + " is served already" + (by.isBlank() ? "" : " by " + by));
        }
    }

    private final ServiceAddress address;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socket;

    private ServiceSocket(ServiceAddress address, FileChannel lockChannel, FileLock lock, ServerSocketChannel server, Path socket) {
        this.address = address;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.socket = socket;
    }

    /**
     * Takes the data directory's service lock and listens on its socket.
     *
     * @param host who serves, e.g. "kb serve, pid 1234": written into the lock file for the next one to tell
     * @throws ServedElsewhereException when a service holds the lock
     * @throws IOException              when the socket cannot be made (a read-only data directory, say)
     */
    static ServiceSocket open(Path dataDirectory, String host) throws IOException {
        ServiceAddress address = new ServiceAddress(dataDirectory);
        try {
            return open(address, host);
        } catch (ServedElsewhereException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot listen in " + address.folder() + ": " + describe(e), e);
        }
    }

    /** An I/O problem in words: the file and what is wrong with it, without class names. */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "exists already" : "cannot be used";
            return fs.getFile() == null ? reason : fs.getFile() + ": " + reason;
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    private static ServiceSocket open(ServiceAddress address, String host) throws IOException {
        Path dataDirectory = address.dataDirectory();
        ownerOnlyFolder(address.folder());
        FileChannel channel = FileChannel.open(address.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = null;
        // a client that found a socket nobody listens on holds the lock for a moment while it removes it
        for (int attempt = 0; lock == null && attempt < 10; attempt++) {
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                break; // held by this process
            }
            if (lock == null) {
                sleep(20);
            }
        }
        if (lock == null) {
            String by = new String(Files.readAllBytes(address.lockFile()), StandardCharsets.UTF_8).strip();
            channel.close();
            throw new ServedElsewhereException(dataDirectory, by);
        }
        ServerSocketChannel server = null;
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(host.getBytes(StandardCharsets.UTF_8)), 0);
            address.removeSocket(); // left by a service that is gone: nobody else holds the lock
            Path socket = address.socketFits() ? address.socketEntry() : address.shortSocket();
            if (!address.socketFits()) {
                ownerOnlyFolder(socket.getParent());
                Files.deleteIfExists(socket);
            }
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, OWNER_ONLY_FILE);
            if (!address.socketFits()) {
                Files.createSymbolicLink(address.socketEntry(), socket);
            }
            return new ServiceSocket(address, channel, lock, server, socket);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The folder, made if missing: a real folder (no link) of this user's, which only this user may enter. */
    private static void ownerOnlyFolder(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made by another process just now: checked below like any other
            }
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(folder + " is not a folder");
        }
        UserPrincipal me = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        if (!Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).equals(me)) {
            throw new IOException(folder + " belongs to another user");
        }
        Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
    }

    Path dataDirectory() {
        return address.dataDirectory();
    }

    /** The socket's path (in the data directory, or where its link there points). */
    Path socket() {
        return socket;
    }

    /** Accepts connections on a thread of its own until closed; each one of this user's goes to the handler. */
    void accept(Consumer<SocketChannel> handler) {
        Thread thread = new Thread(() -> {
            while (server.isOpen()) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (ClosedChannelException closed) {
                    return;
                } catch (IOException e) {
                    continue; // a client that gave up while being accepted
                }
                if (sameUser(client)) {
                    handler.accept(client);
                } else {
                    closeQuietly(client);
                }
            }
        }, "kb service: " + address.dataDirectory());
        thread.setDaemon(true);
        thread.start();
    }

    /** The folder's permissions keep others out already; this holds even if someone loosened them. */
    private static boolean sameUser(SocketChannel client) {
        try {
            UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return peer.user().getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Stops listening, removes the socket and gives up the lock. */
    void close() {
        try {
            address.removeSocket();
        } catch (IOException e) {
            // the next service replaces a socket left behind
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing only
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the channel or the process
        }
    }

    static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing only
        }
    }
}
