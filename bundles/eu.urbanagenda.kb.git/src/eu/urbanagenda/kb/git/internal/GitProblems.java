package eu.urbanagenda.kb.git.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;

/** What went wrong in Git's work, in words (no class names), and never with a password in it. */
public final class GitProblems {

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@\\s:]*):[^@/\\s]*@");
    /** An HTTP status 401 as a word (not the digits inside a path such as a temporary folder's name). */
    private static final Pattern HTTP_UNAUTHORIZED = Pattern.compile("(?<![\\w/.-])401(?![\\w/.-])");

    private GitProblems() {
    }

    /** The kinds of failure of a synchronization, each a message of its own. */
    public enum Kind {
        /** The address cannot be reached (no such host, connection refused, timed out, no repository there). */
        UNREACHABLE,
        /** The shared repository wants credentials, or refused the ones given. */
        CREDENTIALS,
        /** The shared repository refused the changes (a rule or hook of the server). */
        REJECTED,
        /** Anything else. */
        OTHER
    }

    /** An address or message without the password a URL may carry ({@code https://ana:secret@host} → {@code https://ana@host}). */
    public static String withoutPassword(String text) {
        return text == null ? null : PASSWORD_IN_URL.matcher(text).replaceAll("$1$2@");
    }

    public static Kind kind(Throwable problem) {
        for (Throwable t = problem; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("not authorized") || message.contains("authentication is required")
                    || message.contains("authentication not supported") || message.contains("auth fail")
                    || message.contains("permission denied (publickey") || HTTP_UNAUTHORIZED.matcher(message).find()) {
                return Kind.CREDENTIALS;
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof NoRemoteRepositoryException
                    || t instanceof NoSuchFileException || t instanceof NotSupportedException
                    || message.contains("connection refused") || message.contains("not found") || message.contains("no route to host")
                    || message.contains("could not resolve hostname") || message.contains("timed out") || message.contains("read timed out")
                    || message.contains("not a git repository") || message.contains("does not appear to be a git repository")
                    || message.contains("remote hung up unexpectedly") || message.contains("cannot open git-upload-pack")
                    || message.contains("cannot open git-receive-pack") || message.contains("unknown host")) {
                return Kind.UNREACHABLE;
            }
        }
        return Kind.OTHER;
    }

    /** The problem in words: the most telling message of the chain of causes, without class names and passwords. */
    public static String describe(Throwable problem) {
        for (Throwable t = problem; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof ConnectException) {
                return "the connection was refused";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer (timed out)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to the host";
            }
            if (t instanceof AccessDeniedException denied) {
                return "permission denied: " + denied.getFile();
            }
            if (t instanceof NoSuchFileException missing) {
                return "no such file or folder: " + missing.getFile();
            }
        }
        String message = null;
        for (Throwable t = problem; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
                break; // the outermost message of JGit says what it was doing, in words
            }
        }
        if (message == null) {
            message = "an unexpected problem (" + problem.getClass().getSimpleName() + ")";
        }
        return withoutPassword(message.replaceAll("(?m)^[a-z]+(\\.[a-zA-Z_$0-9]+)+(Exception|Error): ", "").strip());
    }
}
