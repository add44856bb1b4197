package eu.urbanagenda.kb.index.opensearch.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a cluster is: {@code http[s]://[user[:password]@]host[:port][,host[:port]…][/index]}. Every host is a node the
 * client may send requests to (it fails over to the next when one does not answer); they share the scheme and
 * credentials. The port defaults to 9200, the index to {@value #DEFAULT_INDEX}. Reserved characters in the user name
 * or password are percent-encoded ({@code p%40ss} for {@code p@ss}).
 *
 * @param scheme http or https
 * @param hosts the nodes
 * @param user the user name, or {@code null}
 * @param password the password, or {@code null}
 * @param index the index name
 */
public record ClusterAddress(String scheme, List<Host> hosts, String user, String password, String index) {

    /** The index used when the URL names none. */
    public static final String DEFAULT_INDEX = "urbanagenda-kb";
    /** The port used when a host has none. */
    public static final int DEFAULT_PORT = 9200;

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern BAD_INDEX = Pattern.compile("[\\\\/*?\"<>| ,#:A-Z]");

    /**
     * A node.
     *
     * @param name host name or address (an IPv6 address without brackets)
     * @param port port
     */
    public record Host(String name, int port) {
        @Override
        public String toString() {
            return (name.indexOf(':') >= 0 ? "[" + name + "]" : name) + ":" + port;
        }
    }

    /**
     * @param url the URL
     * @return the address
     * @throws IllegalArgumentException with a message saying what is wrong with the URL (without its password)
     */
    public static ClusterAddress parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the OpenSearch URL is empty; expected e.g. https://host:9200/index");
        }
        String u = url.strip();
        int sep = u.indexOf("://");
        if (sep < 0) {
            throw bad(u, "it has no scheme; it must start with http:// or https://");
        }
        String scheme = u.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad(u, "the scheme is \"" + scheme + "\"; it must be http or https");
        }
        String rest = u.substring(sep + 3);
        if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
            throw bad(u, "it has a query or fragment; give options separately");
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(u, colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(u, userInfo.substring(colon + 1));
            if (user.isEmpty()) {
                throw bad(u, "the user name before \"@\" is empty");
            }
        }
        List<Host> hosts = new ArrayList<>();
        for (String h : authority.split(",", -1)) {
            hosts.add(host(u, h.strip()));
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String index = path.isEmpty() ? DEFAULT_INDEX : decode(u, path);
        checkIndex(u, index);
        return new ClusterAddress(scheme, List.copyOf(hosts), user, password, index);
    }

    private static Host host(String url, String h) {
        if (h.isEmpty()) {
            throw bad(url, "a host is missing (check the commas between hosts)");
        }
        String name;
        String port = null;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) {
                throw bad(url, "the IPv6 address \"" + h + "\" has no closing \"]\"");
            }
            name = h.substring(1, close);
            String after = h.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw bad(url, "unexpected \"" + after + "\" after the address " + h.substring(0, close + 1));
                }
                port = after.substring(1);
            }
        } else {
            int colon = h.lastIndexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
            port = colon < 0 ? null : h.substring(colon + 1);
            if (!HOST_NAME.matcher(name).matches()) {
                throw bad(url, "\"" + name + "\" is not a host name or address");
            }
        }
        int p = DEFAULT_PORT;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                throw bad(url, "the port \"" + port + "\" of host " + name + " is not a number from 1 to 65535");
            }
        }
        return new Host(name, p);
    }

    private static void checkIndex(String url, String index) {
        if (index.contains("/")) {
            throw bad(url, "the path must be a single index name, not \"" + index + "\"");
        }
        if (BAD_INDEX.matcher(index).find() || index.startsWith("-") || index.startsWith("_")
                || index.startsWith("+") || index.equals(".") || index.equals("..")
                || index.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw bad(url, "\"" + index + "\" is not a valid index name (lower case, no spaces or \\ / * ? \" < > | , # :,"
                    + " not starting with - _ +)");
        }
    }

    private static String decode(String url, String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad(url, "it has a malformed %-escape");
        }
    }

    private static IllegalArgumentException bad(String url, String problem) {
        return new IllegalArgumentException("the OpenSearch URL " + redact(url) + " is not valid: " + problem + ".");
    }

    /**
     * @param url a URL
     * @return the URL without a password in it
     */
    public static String redact(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return url;
        }
        start += 3;
        int end = url.indexOf('/', start);
        int at = url.lastIndexOf('@', end < 0 ? url.length() : end);
        int colon = url.indexOf(':', start);
        if (at < start || colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + "***" + url.substring(at);
    }

    /** @return the nodes as a URL without credentials or index, e.g. {@code https://a:9200,b:9200} */
    public String display() {
        StringBuilder b = new StringBuilder(scheme).append("://");
        for (int i = 0; i < hosts.size(); i++) {
            b.append(i > 0 ? "," : "").append(hosts.get(i));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return display() + "/" + index;
    }
}
