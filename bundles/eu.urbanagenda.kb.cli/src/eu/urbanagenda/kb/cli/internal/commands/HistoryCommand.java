package eu.urbanagenda.kb.cli.internal.commands;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.core.runtime.OperationCanceledException;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.OptionSpec;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.compare.ChangeDescription;
import eu.urbanagenda.kb.compare.ModelDiff;
import eu.urbanagenda.kb.git.KnowledgeBaseRepository;
import eu.urbanagenda.kb.git.Version;

/** `kb history [ID]`: the versions of the knowledge base, or of one object, with author, date and what changed. */
public final class HistoryCommand implements Command {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String summary() {
        return "list the versions of the knowledge base (or of one object) with author, date and message";
    }

    @Override
    public String operands() {
        return "[ID]";
    }

    @Override
    public String description() {
        return """
                Every save is a version. Each line: the version's id (its first digits name it in kb diff), date,
                author and message; a merge of the shared knowledge base is marked "merge". With ID (a partnership,
                actor, action…, as kb show and kb partnerships name them), only the versions that changed that
                object, each followed by its changes in words.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("limit", "N", "at most N versions (default 50)"));
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        if (args.operands().size() > 1) {
            throw new UsageException("kb history: at most one ID; see 'kb history --help'");
        }
        String id = args.operands().isEmpty() ? null : args.operands().get(0);
        int limit = args.intValue("limit", 50, 1, 100_000);
        Console console = context.console();
        try {
            KnowledgeBaseRepository history = context.session().history();
            List<Version> versions = history.versions(id, limit, null);
            if (versions.isEmpty() && id != null) {
                throw new UsageException("kb history: no version changed '" + id + "'; see 'kb partnerships' for ids");
            }
            for (Version version : versions) {
                List<ChangeDescription> changes = List.of();
                if (id != null) {
                    ModelDiff diff = history.changeOf(version);
                    changes = diff.describe(diff.changesOf(id));
                }
                if (console.json()) {
                    console.jsonLine(json(version, changes, id));
                    continue;
                }
                console.println(line(console, version));
                for (ChangeDescription change : changes) {
                    console.println("        " + change.line(id));
                }
            }
        } catch (OperationCanceledException e) {
            throw new DataException("kb history: cancelled");
        } catch (IOException e) {
            throw new DataException("kb history: " + e.getMessage(), e);
        }
        return ExitStatus.OK;
    }

    static String line(Console console, Version version) {
        return console.bold(version.shortId()) + "  " + WHEN.format(version.when().atZone(ZoneId.systemDefault())) + "  "
                + version.author() + (version.isMerge() ? "  merge" : "") + "  " + version.subject();
    }

    static JsonObject json(Version version, List<ChangeDescription> changes, String viewed) {
        JsonObject object = new JsonObject();
        object.addProperty("id", version.id());
        object.addProperty("author", version.author());
        object.addProperty("email", version.email());
        object.addProperty("date", version.when().toString());
        object.addProperty("merge", version.isMerge());
        object.addProperty("message", version.message());
        JsonArray parents = new JsonArray();
        version.parents().forEach(parents::add);
        object.add("parents", parents);
        if (viewed != null) {
            object.add("changes", DiffCommand.json(changes));
        }
        return object;
    }
}
