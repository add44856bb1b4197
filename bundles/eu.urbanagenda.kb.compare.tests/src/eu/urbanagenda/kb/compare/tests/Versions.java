package eu.urbanagenda.kb.compare.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Function;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;

import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.Identified;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseEditing;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;

/** Versions of the bundled knowledge base, edited with the commands the workbench makes. */
final class Versions {

    private Versions() {
    }

    /** A fresh copy of the bundled knowledge base in an editing domain of its own. */
    static KnowledgeBase bundled() {
        try {
            return inDomain(BundledKnowledgeBase.load().knowledgeBase());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy (another copy of the knowledge base, as another coordinator has it). */
    static KnowledgeBase copy(KnowledgeBase kb) {
        return inDomain(EcoreUtil.copy(kb));
    }

    /** The editing domain of each knowledge base made here (its resource set does not name it). */
    private static final java.util.Map<KnowledgeBase, AdapterFactoryEditingDomain> DOMAINS = java.util.Collections
            .synchronizedMap(new java.util.WeakHashMap<>());

    private static KnowledgeBase inDomain(KnowledgeBase kb) {
        AdapterFactoryEditingDomain domain = KnowledgeBaseEditing.createEditingDomain(KnowledgeBaseEditing.createAdapterFactory());
        Resource resource = domain.getResourceSet().createResource(URI.createURI("memory:/" + System.identityHashCode(kb) + ".xmi"));
        resource.getContents().add(kb);
        DOMAINS.put(kb, domain);
        return kb;
    }

    static AdapterFactoryEditingDomain domain(KnowledgeBase kb) {
        return DOMAINS.get(kb);
    }

    /** Executes the command the function makes (it must make one) on the knowledge base's command stack. */
    static KnowledgeBase edit(KnowledgeBase kb, Function<AdapterFactoryEditingDomain, Command> edit) {
        Command command = edit.apply(domain(kb));
        if (command == null || !command.canExecute()) {
            throw new IllegalStateException("the edit changes nothing");
        }
        domain(kb).getCommandStack().execute(command);
        return kb;
    }

    static Partnership partnership(KnowledgeBase kb, String id) {
        return kb.getPartnerships().stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow();
    }

    static Actor actor(KnowledgeBase kb, String id) {
        return kb.getActors().stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow();
    }

    static Identified object(KnowledgeBase kb, String id) {
        for (Iterator<EObject> all = kb.eAllContents(); all.hasNext();) {
            if (all.next() instanceof Identified identified && id.equals(identified.getId())) {
                return identified;
            }
        }
        return null;
    }

    /** The knowledge base written to an XMI file in {@code folder} and read back from it, as the history keeps versions. */
    static KnowledgeBase saved(KnowledgeBase kb, java.nio.file.Path folder, String name) {
        try {
            java.nio.file.Path file = folder.resolve(name + "-" + System.nanoTime() + ".xmi");
            KnowledgeBaseFiles.save(kb, file);
            return inDomain(KnowledgeBaseFiles.load(file).knowledgeBase());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes a save would write: two knowledge bases are equal when these are. */
    static String text(KnowledgeBase kb) {
        try {
            return new String(KnowledgeBaseFiles.toBytes(kb), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
