package eu.urbanagenda.kb.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups.Backup;

/** What to tell a user whose knowledge base is damaged: the newest good backup and the exact command that restores it. */
public final class RestoreAdvice {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private RestoreAdvice() {
    }

    /** When a backup was saved, in local time. */
    public static String time(Backup backup) {
        return TIME.format(backup.savedAt());
    }

    /**
     * One line about the way back for {@code file}: for the data directory's knowledge base, the `kb restore` command
     * for its newest good backup; for another file, where that backup is; empty for another file without backups.
     */
    public static Optional<String> line(Path dataDirectory, Path file) {
        boolean ours = file.toAbsolutePath().normalize().equals(KbSession.knowledgeBaseFile(dataDirectory));
        Optional<Backup> newest;
        try {
            newest = KnowledgeBaseBackups.newestGood(file);
        } catch (IOException e) {
            return Optional.of("its backups cannot be read: " + e.getMessage());
        }
        if (newest.isEmpty()) {
            return ours ? Optional.of("there is no good backup of it to restore") : Optional.empty();
        }
        Backup backup = newest.get();
        String which = "the newest good backup is " + backup.number() + ", saved " + time(backup);
        return Optional.of(ours ? which + "; restore it with: " + command(dataDirectory, backup)
            : which + ": " + backup.file());
    }

    /**
     * The command that restores {@code backup} of the data directory's knowledge base, as typed in a shell; always with
     * --data, so that it is right wherever it is pasted.
     */
    public static String command(Path dataDirectory, Backup backup) {
        return "kb --data " + shellQuoted(dataDirectory.toAbsolutePath().normalize().toString()) + " restore " + backup.number();
    }

    private static String shellQuoted(String text) {
        return text.matches("[A-Za-z0-9_@%+=:,./-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
