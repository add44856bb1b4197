package eu.urbanagenda.kb.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command's arguments after parsing: options by name (repeatable ones keep every value) and operands. */
public final class ParsedArgs {

    private final String command;
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> operands = new ArrayList<>();

    ParsedArgs(String command) {
        this.command = command;
    }

    /**
     * Parses `--name VALUE`, `--name=VALUE`, flags and operands; `--` ends the options. An option the
     * command does not know, or one without its value, is a usage error naming the command.
     */
    public static ParsedArgs parse(String command, List<String> args, List<OptionSpec> specs) throws UsageException {
        ParsedArgs parsed = new ParsedArgs(command);
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--") || arg.equals("-")) {
                if (!optionsEnded && arg.startsWith("-") && arg.length() > 1 && !arg.equals("-h") && !isNumber(arg)) {
                    throw new UsageException("kb " + command + ": unknown option '" + arg + "'; see 'kb " + command + " --help'");
                }
                if (arg.equals("-h")) {
                    parsed.add("help", "");
                } else {
                    parsed.operands.add(arg);
                }
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            OptionSpec spec = find(specs, name);
            if (spec == null) {
                throw new UsageException("kb " + command + ": unknown option '--" + name + "'; see 'kb " + command + " --help'");
            }
            if (!spec.takesValue()) {
                if (inlineValue != null) {
                    throw new UsageException("kb " + command + ": option '--" + name + "' takes no value");
                }
                parsed.add(name, "");
            } else if (inlineValue != null) {
                parsed.add(name, inlineValue);
            } else if (i + 1 < args.size()) {
                parsed.add(name, args.get(++i));
            } else {
                throw new UsageException("kb " + command + ": option '--" + name + "' needs a value (" + spec.synopsis() + ")");
            }
        }
        return parsed;
    }

    private static boolean isNumber(String arg) {
        return arg.matches("-\\d+(\\.\\d+)?");
    }

    private static OptionSpec find(List<OptionSpec> specs, String name) {
        for (OptionSpec spec : specs) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        return null;
    }

    private void add(String name, String value) {
        options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    public String command() {
        return command;
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    /** The last value given for the option, or null. */
    public String value(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    /** Every value given for a repeatable option, comma-separated lists split. */
    public List<String> values(String name) {
        List<String> result = new ArrayList<>();
        for (String value : options.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
        }
        return result;
    }

    public int intValue(String name, int defaultValue, int min, int max) throws UsageException {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new UsageException("kb " + command + ": --" + name + " must be between " + min + " and " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("kb " + command + ": --" + name + " needs a whole number, not '" + value + "'");
        }
    }

    /** The value, which must be one of the allowed ones (compared without case). */
    public String choice(String name, String defaultValue, List<String> allowed) throws UsageException {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value.strip())) {
                return candidate;
            }
        }
        throw new UsageException("kb " + command + ": --" + name + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
    }

    public List<String> operands() {
        return operands;
    }
}
