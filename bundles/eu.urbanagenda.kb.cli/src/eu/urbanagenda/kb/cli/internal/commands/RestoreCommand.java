package eu.urbanagenda.kb.cli.internal.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.JsonObject;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.OptionSpec;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.RestoreAdvice;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups.Backup;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups.Restored;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.persistence.LoadResult;

/**
 * `kb restore [--list] [BACKUP]`: lists the backups of the data directory's knowledge base, or puts one back. It
 * works on the file itself, without opening it as the other commands do, since it is for when they refuse it.
 */
public final class RestoreCommand implements Command {

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String summary() {
        return "list the backups of the knowledge base, or put one back (after it was damaged)";
    }

    @Override
    public String operands() {
        return "[BACKUP]";
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, """
                Every save keeps what it wrote as a backup beside the knowledge base (the last %d). With
                --list: the backups, newest first, and whether each loads cleanly. With BACKUP (a number
                from the list): puts that backup back. With neither: puts back the newest good backup when
                the knowledge base does not load cleanly (kb validate tells), else changes nothing. The file
                it replaces is kept beside it as urban-agenda.replaced-TIME.xmi unless it is a backup itself.""",
                KnowledgeBaseBackups.KEPT);
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.flag("list", "list the backups, newest first, and whether each loads cleanly"));
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        if (args.operands().size() > 1 || (args.has("list") && !args.operands().isEmpty())) {
            throw new UsageException("kb restore: either --list or one BACKUP number; see 'kb restore --help'");
        }
        Path file = KbSession.knowledgeBaseFile(context.dataDirectory());
        List<Backup> backups;
        try {
            backups = KnowledgeBaseBackups.list(file);
        } catch (IOException e) {
            throw new DataException("kb restore: the backups of " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (args.has("list")) {
            list(context.console(), file, backups);
            return ExitStatus.OK;
        }
        Backup chosen;
        if (args.operands().isEmpty()) {
            Optional<String> damage = damage(file);
            if (damage.isEmpty()) {
                context.console().println(file + " loads cleanly; nothing was restored (kb restore --list shows the backups;"
                    + " kb restore BACKUP goes back to one)");
                return ExitStatus.OK;
            }
            try {
                chosen = KnowledgeBaseBackups.newestGood(file).orElseThrow(() -> new DataException("kb restore: " + file
                    + " does not load cleanly (" + damage.get() + "), and there is no good backup of it to restore"));
            } catch (IOException e) {
                throw new DataException("kb restore: the backups of " + file + " cannot be read: " + e.getMessage(), e);
            }
        } else {
            String wanted = args.operands().get(0);
            chosen = backups.stream().filter(b -> Long.toString(b.number()).equals(wanted.replaceFirst("^0+(?=\\d)", ""))).findFirst()
                .orElseThrow(() -> new UsageException("kb restore: there is no backup '" + wanted + "' of " + file
                    + "; kb restore --list shows them"));
        }
        Restored restored;
        try {
            restored = KnowledgeBaseBackups.restore(file, chosen);
        } catch (IOException e) {
            throw new DataException("kb restore: " + e.getMessage(), e);
        }
        Console console = context.console();
        String done = "Restored " + file + " from backup " + chosen.number() + ", saved " + RestoreAdvice.time(chosen)
            + restored.replacedFileKeptAs().map(kept -> "; the file it replaced is kept as " + kept).orElse("");
        if (console.json()) {
            JsonObject object = json(chosen);
            object.addProperty("restored", file.toString());
            object.addProperty("replacedFileKeptAs", restored.replacedFileKeptAs().map(Path::toString).orElse(null));
            console.jsonLine(object);
            console.error("kb restore: " + done);
        } else {
            console.println(done);
        }
        return ExitStatus.OK;
    }

    /** Why the file does not load cleanly, or empty when it does. */
    private static Optional<String> damage(Path file) {
        try {
            KnowledgeBaseFiles.load(file).resource().unload();
            return Optional.empty();
        } catch (KnowledgeBaseLoadException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void list(Console console, Path file, List<Backup> backups) {
        Optional<String> damage = damage(file);
        String state = file + (damage.isEmpty() ? ": loads cleanly" : ": does not load cleanly: " + damage.get());
        if (console.json()) {
            console.error(state);
        } else {
            console.println(state);
            console.println(backups.isEmpty() ? "No backups yet (each save keeps one, in " + KnowledgeBaseBackups.folderOf(file) + ")"
                : "Backups, newest first (kb restore NUMBER puts one back):");
        }
        for (Backup backup : backups) {
            String verdict;
            JsonObject object = json(backup);
            try {
                LoadResult result = KnowledgeBaseBackups.load(backup);
                int partnerships = result.knowledgeBase().getPartnerships().size();
                result.resource().unload();
                verdict = "good, " + partnerships + " partnerships";
                object.addProperty("good", true);
                object.addProperty("partnerships", partnerships);
            } catch (KnowledgeBaseLoadException e) {
                verdict = "damaged: " + e.getProblem();
                object.addProperty("good", false);
                object.addProperty("problem", e.getProblem());
            }
            if (console.json()) {
                console.jsonLine(object);
            } else {
                console.println(String.format(Locale.ROOT, "%4d  %s  %7.1f kB  %s", backup.number(), RestoreAdvice.time(backup),
                    backup.size() / 1000.0, verdict));
                console.println("      " + backup.file());
            }
        }
    }

    private static JsonObject json(Backup backup) {
        JsonObject object = new JsonObject();
        object.addProperty("backup", backup.number());
        object.addProperty("savedAt", backup.savedAt().toString());
        object.addProperty("size", backup.size());
        object.addProperty("file", backup.file().toString());
        return object;
    }
}
