package eu.urbanagenda.kb.cli.internal;

/**
 * One option of a command: `--name` (a flag) or `--name VALUE`.
 *
 * @param name      without the dashes
 * @param valueName null for a flag, else what the value is called in help texts (e.g. "N", "DIR")
 * @param help      one line for `kb COMMAND --help`
 */
public record OptionSpec(String name, String valueName, String help) {

    public static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, help);
    }

    public static OptionSpec value(String name, String valueName, String help) {
        return new OptionSpec(name, valueName, help);
    }

    public boolean takesValue() {
        return valueName != null;
    }

    public String synopsis() {
        return "--" + name + (takesValue() ? " " + valueName : "");
    }
}
