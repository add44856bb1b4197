package eu.urbanagenda.kb.cli.internal.commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import com.google.gson.JsonObject;

import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.OptionSpec;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.compare.ChangeDescription;
import eu.urbanagenda.kb.compare.Conflict;
import eu.urbanagenda.kb.compare.Side;
import eu.urbanagenda.kb.core.KbModel;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.git.GitCredentials;
import eu.urbanagenda.kb.git.SyncException;
import eu.urbanagenda.kb.git.SyncPlan;
import eu.urbanagenda.kb.git.SyncReport;
import eu.urbanagenda.kb.git.Synchronizer;

/** `kb sync [--remote URL]`: fetch the shared knowledge base, merge it with this one, send the result back. */
public final class SyncCommand implements eu.urbanagenda.kb.cli.internal.Command {

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String summary() {
        return "synchronize with the shared knowledge base: fetch, merge by the model, push";
    }

    @Override
    public String description() {
        return """
                Fetches the shared repository, merges its changes into this knowledge base object by object and
                feature by feature (changes to different objects or features merge by themselves), saves the
                merge as a version and sends this copy's versions back. --remote URL gives the shared repository
                (a path, file://, ssh://, https://…) and remembers it; on a data directory nobody has edited yet
                it starts from the shared knowledge base, on one with its own history it merges both.

                The same feature changed two ways, or an object deleted on one side and changed on the other, is
                a conflict: kb sync lists them and exits with status 1, leaving this knowledge base exactly as it
                was. Run it again with --take mine or --take theirs (all conflicts), or --take ID=mine|theirs for
                each (ID as listed), to choose. A merge that would not validate is refused (status 1).

                Credentials for https:// come by Git's own conventions: the credential helpers configured for Git
                (git credential; at a terminal, Git asks), then ~/.netrc; a user name and password in the URL are
                used for this run only and never stored. ssh:// uses the system's OpenSSH client with your keys
                and agent (no password prompts). Passwords are never printed nor written to the knowledge base.
                Exit status: 0 synchronized, 1 conflicts or a merge that would not validate, 3 the shared
                repository could not be reached, refused the credentials or the changes.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("remote", "URL", "the shared repository (remembered for the next times)"),
                OptionSpec.value("take", "SIDE", "in conflicts, take mine or theirs; or ID=mine|theirs for one (repeatable)"));
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        if (!args.operands().isEmpty()) {
            throw new UsageException("kb sync: takes no operands; the shared repository is given with --remote URL");
        }
        Map<String, Side> takes = new LinkedHashMap<>();
        Side everywhere = null;
        for (String take : args.values("take")) {
            int eq = take.lastIndexOf('=');
            Side side = side(eq < 0 ? take : take.substring(eq + 1));
            if (eq < 0) {
                everywhere = side;
            } else {
                takes.put(take.substring(0, eq), side);
            }
        }
        String url = args.has("remote") ? address(args.value("remote")) : null;
        KbSession session = context.session();
        Console console = context.console();
        if (context.onModelThread(s -> s.model().isDirty())) {
            throw new DataException("kb sync: the knowledge base has unsaved changes; save them first");
        }
        GitCredentials credentials = new GitCredentials(System.console() != null);
        Side all = everywhere;
        SyncReport report;
        try {
            Synchronizer synchronizer = new Synchronizer(session.history(), credentials);
            report = synchronizer.run(url, new Synchronizer.Merger() {
                @Override
                public Map<String, Side> decide(SyncPlan plan) {
                    Map<String, Side> choices = new LinkedHashMap<>();
                    boolean undecided = false;
                    for (Conflict conflict : plan.merge().conflicts()) {
                        Side side = takes.getOrDefault(conflict.id(), all);
                        if (side == null) {
                            undecided = true;
                        } else {
                            choices.put(conflict.id(), side);
                        }
                    }
                    return undecided ? null : choices;
                }

                @Override
                public void apply(SyncPlan plan, Map<String, Side> choices) throws IOException {
                    // on the thread that edits the knowledge base (the workbench's UI thread when it runs the command)
                    try {
                        context.onModelThread(s -> {
                            try {
                                s.model().takeMerge(plan.merge(), choices);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            return null;
                        });
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    } catch (UsageException | DataException e) {
                        throw new IOException(e.getMessage().replaceFirst("^kb: ", ""), e);
                    }
                }
            }, new NullProgressMonitor());
        } catch (SyncException e) {
            if (e.kind() == SyncException.Kind.INVALID) {
                console.error("kb sync: " + e.getMessage());
                return ExitStatus.VALIDATION_ERRORS;
            }
            throw new DataException("kb sync: " + e.getMessage(), e);
        } catch (OperationCanceledException e) {
            throw new DataException("kb sync: cancelled; nothing was changed");
        } catch (IOException e) {
            throw new DataException("kb sync: " + e.getMessage(), e);
        }
        credentials.approve();
        return report(console, report);
    }

    private static Side side(String text) throws UsageException {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "mine", "ours" -> Side.MINE;
        case "theirs" -> Side.THEIRS;
        default -> throw new UsageException("kb sync: --take takes mine or theirs (or ID=mine|theirs), not '" + text + "'");
        };
    }

    /** A path is made absolute (the caller's working directory); URLs and scp-like addresses are left as they are. */
    private static String address(String value) throws UsageException {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new UsageException("kb sync: --remote needs the address of the shared repository");
        }
        if (text.contains("://") || text.matches("[^/]+@?[^/]*:.*") && !text.startsWith("/")) {
            return text;
        }
        return Path.of(text).toAbsolutePath().normalize().toString();
    }

    private static int report(Console console, SyncReport report) {
        SyncPlan plan = report.plan();
        if (report.stopped()) {
            List<Conflict> conflicts = plan.merge().conflicts();
            console.error("kb sync: " + conflicts.size() + (conflicts.size() == 1 ? " conflict" : " conflicts") + " with " + plan.url()
                    + "; nothing was changed:");
            for (Conflict conflict : conflicts) {
                if (console.json()) {
                    console.jsonLine(json(conflict));
                } else {
                    console.println(conflict.id());
                    console.println("    " + (conflict.subject().isEmpty() ? "" : conflict.subject() + " \u00b7 ") + conflict.what()
                            + (conflict.reason().isEmpty() ? "" : " (" + conflict.reason() + ")"));
                    console.println("    mine:   " + conflict.mine());
                    console.println("    theirs: " + conflict.theirs());
                }
            }
            console.error("kb sync: choose with --take mine or --take theirs, or --take ID=mine|theirs for each");
            return ExitStatus.VALIDATION_ERRORS;
        }
        if (console.json()) {
            JsonObject summary = new JsonObject();
            summary.addProperty("remote", plan.url());
            summary.addProperty("result", plan.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            summary.add("taken", DiffCommand.json(report.taken()));
            summary.addProperty("sent", report.sent());
            console.jsonLine(summary);
            return ExitStatus.OK;
        }
        for (ChangeDescription change : report.taken()) {
            console.println("  " + change.line(null));
        }
        String what = switch (plan.kind()) {
        case UP_TO_DATE -> "already up to date";
        case PUSH -> "nothing new there";
        case FAST_FORWARD, ADOPT -> "took " + count(report.taken().size(), "change");
        case MERGE -> "merged " + count(report.taken().size(), "change") + " from there";
        };
        console.println("Synchronized with " + plan.url() + ": " + what + (report.sent() > 0 ? "; sent " + count(report.sent(), "version") : ""));
        return ExitStatus.OK;
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static JsonObject json(Conflict conflict) {
        JsonObject object = new JsonObject();
        object.addProperty("conflict", conflict.id());
        object.addProperty("kind", conflict.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        object.addProperty("subjectId", conflict.subjectId());
        object.addProperty("subject", conflict.subject());
        object.addProperty("what", conflict.what());
        object.addProperty("mine", conflict.mine());
        object.addProperty("theirs", conflict.theirs());
        object.addProperty("reason", conflict.reason());
        return object;
    }
}
