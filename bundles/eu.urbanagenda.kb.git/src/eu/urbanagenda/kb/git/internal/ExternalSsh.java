package eu.urbanagenda.kb.git.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RemoteSession2;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

/**
 * ssh:// through the system's OpenSSH client, as Git itself does: the user's keys, agent, {@code ~/.ssh/config} and known
 * hosts apply, and {@code GIT_SSH_COMMAND} or {@code GIT_SSH} choose another command. In batch mode: ssh never waits for a
 * password or a passphrase at a terminal nobody watches (keys come from the agent or are unencrypted), and an unknown
 * host key is refused rather than asked about.
 */
public final class ExternalSsh extends SshSessionFactory {

    public static final ExternalSsh INSTANCE = new ExternalSsh();

    private ExternalSsh() {
    }

    @Override
    public String getType() {
        return "openssh";
    }

    @Override
    public RemoteSession2 getSession(URIish uri, CredentialsProvider credentials, FS fs, int timeout) {
        return new RemoteSession2() {
            @Override
            public Process exec(String command, int seconds) throws TransportException {
                return exec(command, Map.of(), seconds);
            }

            @Override
            public Process exec(String command, Map<String, String> environment, int seconds) throws TransportException {
                String host = uri.getHost() == null ? "" : uri.getHost();
                if (host.isEmpty() || host.startsWith("-") || uri.getUser() != null && uri.getUser().startsWith("-")) {
                    // ssh would read it as an option (e.g. -oProxyCommand=…): such an address is refused
                    throw new TransportException(uri, "not a host name: '" + host + "'");
                }
                ProcessBuilder builder = new ProcessBuilder(arguments(uri, command, seconds));
                builder.environment().putAll(environment);
                try {
                    return builder.start();
                } catch (IOException e) {
                    throw new TransportException(uri, "cannot run ssh (is OpenSSH installed?): " + e.getMessage(), e);
                }
            }

            @Override
            public void disconnect() {
                // one process per command; nothing stays open
            }
        };
    }

    static List<String> arguments(URIish uri, String command, int seconds) {
        List<String> arguments = new ArrayList<>();
        String custom = System.getenv("GIT_SSH_COMMAND");
        if (custom != null && !custom.isBlank()) {
            arguments.addAll(List.of("sh", "-c", custom + " \"$@\"", "ssh"));
        } else {
            String program = System.getenv("GIT_SSH");
            arguments.add(program == null || program.isBlank() ? "ssh" : program);
        }
        arguments.addAll(List.of("-x", "-o", "BatchMode=yes"));
        if (seconds > 0) {
            arguments.addAll(List.of("-o", "ConnectTimeout=" + seconds));
        }
        if (uri.getPort() > 0) {
            arguments.addAll(List.of("-p", Integer.toString(uri.getPort())));
        }
        arguments.add(uri.getUser() == null ? uri.getHost() : uri.getUser() + "@" + uri.getHost());
        arguments.add(command);
        return arguments;
    }
}
