package eu.urbanagenda.kb.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service needs to run a command exactly as `kb` would run it standalone in the client's place.
 *
 * @param protocol         {@link Wire#PROTOCOL} of the client
 * @param build            the client's build (its bundle version); a service of another build refuses
 * @param dataDirectory    the data directory the command is for (absolute)
 * @param workingDirectory the client's working directory, which relative paths in the arguments are relative to
 * @param locale           the client JVM's default locale (from LANG and LC_*), which messages and numbers follow
 * @param stdoutTerminal   whether the client's standard output is a terminal
 * @param stderrTerminal   whether its standard error is
 * @param environment      the client's values of the variables in {@link #ENVIRONMENT} that are set
 * @param arguments        the command line, as given to `kb`
 */
public record Request(int protocol, String build, String dataDirectory, String workingDirectory, String locale, boolean stdoutTerminal,
        boolean stderrTerminal, Map<String, String> environment, List<String> arguments) {

    /** The environment variables that change what a command prints. */
    public static final String[] ENVIRONMENT = { "NO_COLOR", "KB_TIMINGS" };

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(protocol);
            writeString(out, build);
            writeString(out, dataDirectory);
            writeString(out, workingDirectory);
            writeString(out, locale);
            out.writeBoolean(stdoutTerminal);
            out.writeBoolean(stderrTerminal);
            out.writeInt(environment.size());
            for (Map.Entry<String, String> variable : environment.entrySet()) {
                writeString(out, variable.getKey());
                writeString(out, variable.getValue());
            }
            out.writeInt(arguments.size());
            for (String argument : arguments) {
                writeString(out, argument);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // not from a byte array
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are no request of this protocol */
    public static Request decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        int protocol = in.readInt();
        if (protocol != Wire.PROTOCOL) {
            return new Request(protocol, "", "", "", "", false, false, Map.of(), List.of());
        }
        String build = readString(in);
        String dataDirectory = readString(in);
        String workingDirectory = readString(in);
        String locale = readString(in);
        boolean stdoutTerminal = in.readBoolean();
        boolean stderrTerminal = in.readBoolean();
        int variables = count(in);
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < variables; i++) {
            environment.put(readString(in), readString(in));
        }
        int count = count(in);
        List<String> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            arguments.add(readString(in));
        }
        return new Request(protocol, build, dataDirectory, workingDirectory, locale, stdoutTerminal, stderrTerminal, environment,
                List.copyOf(arguments));
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > Wire.MAX_FRAME) {
            throw new IOException("a count of " + n);
        }
        return n;
    }
}
