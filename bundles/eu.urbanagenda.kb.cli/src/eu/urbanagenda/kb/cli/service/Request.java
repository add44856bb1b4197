package eu.urbanagenda.kb.cli.service;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service needs to run a command exactly as `kb` would run it standalone in the client's place (the client,
 * {@code lib/kb-client} of the product, encodes it).
 *
 * @param protocol         {@link Wire#PROTOCOL} of the client
 * @param build            the command line's build (the version of the cli bundle of the client's product); a service
 *                         of another build refuses
 * @param dataDirectory    the data directory the command is for (absolute)
 * @param workingDirectory the client's working directory, which relative paths in the arguments are relative to
 * @param stdoutTerminal   whether the client's standard output is a terminal
 * @param stderrTerminal   whether its standard error is
 * @param environment      the client's values of NO_COLOR and KB_TIMINGS (those set), which change what a command prints
 * @param arguments        the command line, as given to `kb`
 */
record Request(int protocol, String build, String dataDirectory, String workingDirectory, boolean stdoutTerminal,
        boolean stderrTerminal, Map<String, String> environment, List<String> arguments) {

    /** @throws IOException when the bytes are no request of this protocol */
    static Request decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        int protocol = in.readInt();
        if (protocol != Wire.PROTOCOL) {
            return new Request(protocol, "", "", "", false, false, Map.of(), List.of());
        }
        String build = readString(in);
        String dataDirectory = readString(in);
        String workingDirectory = readString(in);
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
        return new Request(protocol, build, dataDirectory, workingDirectory, stdoutTerminal, stderrTerminal, environment,
                List.copyOf(arguments));
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
