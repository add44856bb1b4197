package eu.urbanagenda.kb.model.editing;

import java.nio.file.Path;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;

import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.provider.UrbanAgendaItemProviderAdapterFactory;

/**
 * What an editor needs to edit a knowledge base with EMF.Edit and no EMF UI bundles: the adapter factory with the
 * model's item providers (the workbench wraps it in its own JFace content, label and property adapters) and an editing
 * domain whose command stack gives undo and redo.
 */
public final class KnowledgeBaseEditing {

    private KnowledgeBaseEditing() {
    }

    /**
     * The model's item providers, then resources, then EMF's reflective ones for anything else. The caller owns it
     * and calls {@link ComposedAdapterFactory#dispose()} when done.
     */
    public static ComposedAdapterFactory createAdapterFactory() {
        ComposedAdapterFactory adapterFactory = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
        adapterFactory.addAdapterFactory(new UrbanAgendaItemProviderAdapterFactory());
        adapterFactory.addAdapterFactory(new ResourceItemProviderAdapterFactory());
        adapterFactory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
        return adapterFactory;
    }

    /**
     * An editing domain over {@code adapterFactory} with a {@link KnowledgeBaseCommandStack} (undo, redo, save point for
     * the dirty state, what was done since the save) and a resource set prepared by {@link KnowledgeBaseFiles#createResourceSet()} (it opens no URI by itself).
     */
    public static AdapterFactoryEditingDomain createEditingDomain(AdapterFactory adapterFactory) {
        return new AdapterFactoryEditingDomain(adapterFactory, new KnowledgeBaseCommandStack(), KnowledgeBaseFiles.createResourceSet());
    }

    /**
     * Loads a knowledge-base file into the domain's resource set (see {@link KnowledgeBaseFiles#load(Path)}): the whole
     * knowledge base, or a {@link KnowledgeBaseLoadException} naming file, line and problem, so that an editor never
     * works on (and saves) part of one. To restore a damaged file, see
     * {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups}.
     */
    public static LoadResult load(AdapterFactoryEditingDomain domain, Path file) throws KnowledgeBaseLoadException {
        return KnowledgeBaseFiles.load(file, domain.getResourceSet());
    }
}
