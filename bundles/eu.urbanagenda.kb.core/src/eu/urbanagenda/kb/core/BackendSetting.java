package eu.urbanagenda.kb.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which engine holds the documents the session searches: the local index in the data directory (the default), or an
 * index of an OpenSearch cluster that an organisation shares. The knowledge base (the model) stays in the data
 * directory either way. Set on the {@link KbSessionService}: by the command line's {@code --backend URL}, the
 * workbench's preference, or the environment variables below.
 * <p>
 * Credentials are held in memory only: {@link #toString()} and {@link #display()} never show the password, and nothing
 * here is written to the data directory.
 *
 * @param url the cluster, {@code http[s]://[user[:password]@]host[:port][,host[:port]…][/index]}, or {@code null} for
 *            the local index
 * @param user the user name for the cluster, or {@code null} (then the URL's, if any)
 * @param password the password for the cluster, or {@code null}
 * @param caCertificate a PEM file of the organisation's certificate authority, trusted besides Java's own, or
 *            {@code null}
 */
public record BackendSetting(String url, String user, String password, Path caCertificate) {

    /** The environment variable with the cluster's URL, for scripts. */
    public static final String URL_VARIABLE = "KB_BACKEND";
    /** The environment variable with the user name for the cluster. */
    public static final String USER_VARIABLE = "KB_BACKEND_USER";
    /** The environment variable with the password for the cluster (so that it appears in no command line). */
    public static final String PASSWORD_VARIABLE = "KB_BACKEND_PASSWORD";
    /** The environment variable with a PEM file of the certificate authority to trust. */
    public static final String CA_VARIABLE = "KB_BACKEND_CA";

    private static final BackendSetting LOCAL = new BackendSetting(null, null, null, null);

    public BackendSetting {
        url = blankToNull(url);
        user = blankToNull(user);
        password = password == null || password.isEmpty() ? null : password;
    }

    /** @return the local index in the data directory */
    public static BackendSetting local() {
        return LOCAL;
    }

    /**
     * @param url the cluster's URL (credentials may be part of it)
     * @return that cluster, without separate credentials
     */
    public static BackendSetting cluster(String url) {
        return new BackendSetting(url, null, null, null);
    }

    /**
     * The setting the environment asks for: {@value #URL_VARIABLE} (empty or missing: the local index),
     * {@value #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}, {@value #CA_VARIABLE}.
     *
     * @param environment e.g. {@link System#getenv()}
     * @return the setting
     */
    public static BackendSetting fromEnvironment(Map<String, String> environment) {
        String ca = blankToNull(environment.get(CA_VARIABLE));
        return new BackendSetting(environment.get(URL_VARIABLE), environment.get(USER_VARIABLE),
                environment.get(PASSWORD_VARIABLE), ca == null ? null : Path.of(ca));
    }

    /**
     * @param clusterUrl another URL (blank: the local index)
     * @return this setting's credentials and certificate with that URL
     */
    public BackendSetting withUrl(String clusterUrl) {
        return new BackendSetting(clusterUrl, user, password, caCertificate);
    }

    /** @return whether the documents are in the local index */
    public boolean isLocal() {
        return url == null;
    }

    /** @return whether the URL itself carries a password ({@code user:password@host}), which must then not be stored */
    public boolean urlHasPassword() {
        return url != null && !withoutPassword(url).equals(url);
    }

    /** @return for messages and the user: "the local index", or the URL without its password */
    public String display() {
        return isLocal() ? "the local index" : withoutPassword(url);
    }

    @Override
    public String toString() {
        return display();
    }

    /** The URL with the password of its user part (if any) left out. */
    static String withoutPassword(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int slash = url.indexOf('/', start);
        int end = slash < 0 ? url.length() : slash;
        int at = url.lastIndexOf('@', end - 1);
        if (at < start) {
            return url.strip();
        }
        int colon = url.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return url.strip();
        }
        return (url.substring(0, colon) + url.substring(at)).strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
