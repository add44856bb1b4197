package eu.urbanagenda.kb.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.NetRCCredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * Credentials by Git's own conventions, for the command line: the credential helpers configured for Git
 * ({@code git credential fill}, which also asks at the terminal when there is one, as {@code git fetch} does), then
 * {@code ~/.netrc}. Credentials that worked are handed back to the helpers ({@link #approve()}), refused ones are
 * withdrawn, so a helper that stores them behaves as it does for Git. Nothing is printed or written by this class.
 */
public final class GitCredentials extends CredentialsProvider {

    private static final long HELPER_SECONDS = 120;

    private final boolean terminal;
    private final NetRCCredentialsProvider netrc = new NetRCCredentialsProvider();
    private final Map<String, Map<String, String>> given = new HashMap<>();

    /** @param terminal whether a person can answer at the terminal (else the helpers must not ask there) */
    public GitCredentials(boolean terminal) {
        this.terminal = terminal;
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        for (CredentialItem item : items) {
            if (!(item instanceof CredentialItem.Username || item instanceof CredentialItem.Password)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
        Map<String, String> answer = helper(uri, "fill", null);
        if (answer != null && answer.containsKey("password")) {
            given.put(key(uri), answer);
            for (CredentialItem item : items) {
                if (item instanceof CredentialItem.Username user) {
                    user.setValue(answer.getOrDefault("username", uri.getUser()));
                } else if (item instanceof CredentialItem.Password password) {
                    password.setValue(answer.get("password").toCharArray());
                }
            }
            return true;
        }
        return netrc.get(uri, items);
    }

    /** A refusal: the helpers forget what they gave for this address. */
    @Override
    public void reset(URIish uri) {
        Map<String, String> answer = given.remove(key(uri));
        if (answer != null) {
            helper(uri, "reject", answer);
        }
        netrc.reset(uri);
    }

    /** The credentials given so far worked: the helpers may keep them (as after a successful `git push`). */
    public void approve() {
        for (Map<String, String> answer : given.values()) {
            try {
                helper(new URIish(answer.get("url")), "approve", answer);
            } catch (java.net.URISyntaxException e) {
                // not a URL of ours: nothing to hand back
            }
        }
    }

    private static String key(URIish uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    }

    /** Runs {@code git credential ACTION}; the answer's fields, or {@code null} when there is no Git or no answer. */
    private Map<String, String> helper(URIish uri, String action, Map<String, String> fields) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("protocol", uri.getScheme() == null ? "https" : uri.getScheme());
        request.put("host", uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost());
        if (uri.getPath() != null && !uri.getPath().isEmpty()) {
            request.put("path", uri.getPath().replaceFirst("^/", ""));
        }
        if (uri.getUser() != null) {
            request.put("username", uri.getUser());
        }
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (!k.equals("url")) {
                    request.put(k, v);
                }
            });
        }
        ProcessBuilder builder = new ProcessBuilder("git", "credential", action);
        if (!terminal) {
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        }
        builder.redirectError(terminal ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                StringBuilder text = new StringBuilder();
                request.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
                in.write(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            if (!process.waitFor(HELPER_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            if (process.exitValue() != 0) {
                return null;
            }
            Map<String, String> answer = new LinkedHashMap<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    answer.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            answer.put("url", uri.toString());
            return answer;
        } catch (IOException e) {
            return null; // no Git here: ~/.netrc only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
