package eu.urbanagenda.kb.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Map;

/**
 * An I/O error in words for the user: the operating system's reason ("no space left on device", "permission denied"),
 * never an exception's class name. The path is for the caller to name, once.
 */
public final class IoProblems {

    /** The words for the file-system exceptions whose reason is their class alone (no one of them extends another). */
    private static final Map<Class<? extends FileSystemException>, String> KNOWN = Map.of(
            NoSuchFileException.class, "no such file or directory",
            AccessDeniedException.class, "permission denied",
            NotDirectoryException.class, "not a directory",
            FileSystemLoopException.class, "a loop of symbolic links");

    private IoProblems() {
    }

    public static String describe(IOException e) {
        for (Map.Entry<Class<? extends FileSystemException>, String> known : KNOWN.entrySet()) {
            if (known.getKey().isInstance(e)) {
                return known.getValue();
            }
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            String reason = fs.getReason();
            return reason.contains("Too many levels") ? "a chain of symbolic links too long to follow"
                    : reason.substring(0, 1).toLowerCase() + reason.substring(1);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        // java.io reports the operating system's words ("No space left on device") as the message
        return message.substring(0, 1).toLowerCase() + message.substring(1);
    }
}
