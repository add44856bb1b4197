package eu.urbanagenda.kb.model.tests.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;

/**
 * Run in a child JVM by {@link CrashDuringSaveTest}: loads a knowledge base and saves it over and over, each version
 * with a different (and large) description, until it is killed. Appends "saved N in T ms" to a progress file
 * after each save.
 */
public final class SaveLoop {

    /** How often "version N " is repeated in the description: about 200 kB, so that a save takes a while. */
    public static final int REPEAT = 20_000;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path progress = Path.of(args[1]);
        KnowledgeBase kb = KnowledgeBaseFiles.load(file).knowledgeBase();
        for (int version = 1;; version++) {
            kb.getDescriptions().removeIf(d -> d.getLanguage() == Language.OTHER);
            kb.getDescriptions().add(Localized.of(Language.OTHER, ("version " + version + " ").repeat(REPEAT), false));
            long started = System.nanoTime();
            KnowledgeBaseFiles.save(kb, file);
            long millis = (System.nanoTime() - started) / 1_000_000;
            // a file, not stdout: what was written before the kill is there to read after it
            Files.writeString(progress, "saved " + version + " in " + millis + " ms\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
