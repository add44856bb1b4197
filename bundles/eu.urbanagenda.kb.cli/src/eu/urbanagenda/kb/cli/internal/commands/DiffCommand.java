package eu.urbanagenda.kb.cli.internal.commands;

import java.io.IOException;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.compare.ChangeDescription;
import eu.urbanagenda.kb.compare.ModelChange;
import eu.urbanagenda.kb.compare.ModelDiff;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.git.KnowledgeBaseRepository;
import eu.urbanagenda.kb.git.Version;
import eu.urbanagenda.kb.model.KnowledgeBase;

/** `kb diff REV [REV]`: what changed between two versions, object by object, in words. */
public final class DiffCommand implements Command {

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "show what changed between two versions, in words (\"Status: active → completed\")";
    }

    @Override
    public String operands() {
        return "REV [REV]";
    }

    @Override
    public String description() {
        return """
                REV is a version as kb history shows it (its first digits), or HEAD, HEAD~1, origin/main… With
                one REV: from that version to the knowledge base as saved now; with two: from the first to the
                second. What one version changed: kb diff REV~1 REV. Changes are matched by the objects' ids:
                an object added, removed or moved, or a feature changed ("Name (bg) changed", "Coordinator
                Sofia (BG) added"). No output: no difference.""";
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        if (args.operands().isEmpty() || args.operands().size() > 2) {
            throw new UsageException("kb diff: one or two versions are needed; see 'kb history' and 'kb diff --help'");
        }
        Console console = context.console();
        ModelDiff diff;
        try {
            KnowledgeBaseRepository history = context.session().history();
            Version from = history.resolve(args.operands().get(0));
            if (args.operands().size() == 2) {
                diff = history.diff(from, history.resolve(args.operands().get(1)));
            } else {
                KnowledgeBase then = history.knowledgeBase(from);
                // the knowledge base as it is now: the workbench's, on its thread, when the workbench runs the command
                diff = context.readModel(s -> ModelDiff.between(then, s.model().knowledgeBase()));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("kb diff: " + e.getMessage());
        } catch (IOException e) {
            throw new DataException("kb diff: " + e.getMessage(), e);
        }
        List<ChangeDescription> changes = diff.describe();
        if (console.json()) {
            for (JsonObject change : jsonObjects(changes)) {
                console.jsonLine(change);
            }
        } else {
            changes.forEach(change -> console.println(change.line(null)));
        }
        return ExitStatus.OK;
    }

    static JsonArray json(List<ChangeDescription> changes) {
        JsonArray array = new JsonArray();
        jsonObjects(changes).forEach(array::add);
        return array;
    }

    private static List<JsonObject> jsonObjects(List<ChangeDescription> changes) {
        return changes.stream().map(change -> {
            JsonObject object = new JsonObject();
            object.addProperty("kind", kind(change.change()));
            object.addProperty("key", change.change() == null ? null : change.change().key());
            object.addProperty("subjectId", change.subjectId());
            object.addProperty("subject", change.subject());
            object.addProperty("text", change.text());
            object.addProperty("detail", change.detail());
            return object;
        }).toList();
    }

    private static String kind(ModelChange change) {
        return switch (change) {
        case null -> null;
        case ModelChange.Added a -> "added";
        case ModelChange.Removed r -> "removed";
        case ModelChange.Moved m -> "moved";
        case ModelChange.Changed c -> "changed";
        };
    }
}
