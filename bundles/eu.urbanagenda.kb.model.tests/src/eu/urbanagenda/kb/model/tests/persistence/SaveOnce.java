package eu.urbanagenda.kb.model.tests.persistence;

import java.io.IOException;
import java.nio.file.Path;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;

/**
 * Run in a child JVM by {@link SaveFaultsTest} under strace, which makes chosen system calls fail: loads a knowledge
 * base, changes its description, saves it, and prints "saved" or the error message (exit status 1).
 */
public final class SaveOnce {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        KnowledgeBase kb = KnowledgeBaseFiles.load(file).knowledgeBase();
        kb.getDescriptions().add(Localized.of(Language.OTHER, "saved once", false));
        try {
            KnowledgeBaseFiles.save(kb, file);
            System.out.println("saved");
        } catch (IOException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }
}
