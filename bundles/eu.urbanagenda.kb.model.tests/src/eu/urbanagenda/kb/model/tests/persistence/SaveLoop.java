package eu.urbanagenda.kb.model.tests.persistence;

import java.nio.file.Path;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;

/**
 * Run in a child JVM by {@link CrashDuringSaveTest}: loads a knowledge base and saves it over and over, each version
 * with a different (and large) description, until it is killed. Prints "saved N" after each save.
 */
public final class SaveLoop {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        KnowledgeBase kb = KnowledgeBaseFiles.load(file).knowledgeBase();
        for (int version = 1;; version++) {
            kb.getDescriptions().removeIf(d -> d.getLanguage() == Language.OTHER);
            kb.getDescriptions().add(Localized.of(Language.OTHER, ("version " + version + " ").repeat(20_000), false));
            KnowledgeBaseFiles.save(kb, file);
            System.out.println("saved " + version);
            System.out.flush();
        }
    }
}
