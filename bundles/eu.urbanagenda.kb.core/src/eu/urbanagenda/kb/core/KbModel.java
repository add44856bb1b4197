package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;

import eu.urbanagenda.kb.ingest.IoProblems;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseEditing;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.validation.KnowledgeBaseValidation;

/**
 * The knowledge base of a data directory and its editing domain: every change is an EMF command on
 * {@link #editingDomain()}'s command stack (undo, redo, the dirty state), made on one thread at a time.
 */
public final class KbModel {

    private final Path file;
    private final ComposedAdapterFactory adapterFactory;
    private final AdapterFactoryEditingDomain editingDomain;
    private final Consumer<String> announce;
    private KnowledgeBase knowledgeBase;

    private KbModel(Path file, Consumer<String> announce) {
        this.file = file;
        this.announce = announce;
        this.adapterFactory = KnowledgeBaseEditing.createAdapterFactory();
        this.editingDomain = KnowledgeBaseEditing.createEditingDomain(adapterFactory);
    }

    /**
     * Loads the knowledge base file, copying the bundled knowledge base there first when it is missing.
     *
     * @param notice   told what was set up on the user's behalf
     * @param announce told the topic of each {@link KbEvents} event the model gives (saved, reloaded)
     * @throws IOException naming the file and the problem, e.g. a
     *                     {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException} naming file, line and
     *                     problem when the file does not load cleanly (it is refused, and left as it is)
     */
    static KbModel open(Path file, Consumer<String> notice, Consumer<String> announce) throws IOException {
        try {
            if (!Files.exists(file) && BundledKnowledgeBase.copyIfMissing(file)) {
                notice.accept("Created the knowledge base " + file + " from the bundled one");
            }
        } catch (IOException e) {
            throw new IOException("cannot set up the knowledge base " + file + ": " + IoProblems.describe(e), e);
        }
        KbModel model = new KbModel(file, announce);
        try {
            model.load();
        } catch (IOException | RuntimeException e) {
            model.dispose();
            throw e;
        }
        return model;
    }

    private void load() throws IOException {
        LoadResult result = KnowledgeBaseEditing.load(editingDomain, file);
        knowledgeBase = result.knowledgeBase();
        editingDomain.getCommandStack().flush();
    }

    /** Throws away unsaved changes and loads the file again. */
    public void reload() throws IOException {
        editingDomain.getResourceSet().getResources().clear();
        load();
        announce.accept(KbEvents.MODEL_RELOADED);
    }

    /** The knowledge base file. */
    public Path file() {
        return file;
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    public AdapterFactoryEditingDomain editingDomain() {
        return editingDomain;
    }

    public ComposedAdapterFactory adapterFactory() {
        return adapterFactory;
    }

    /** True when the knowledge base has changes not yet saved. */
    public boolean isDirty() {
        return ((BasicCommandStack) editingDomain.getCommandStack()).isSaveNeeded();
    }

    /**
     * Saves atomically, each save kept as a backup ({@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups}),
     * and marks the command stack's save point; see {@link KnowledgeBaseFiles#save}.
     */
    public void save() throws IOException {
        KnowledgeBaseFiles.save(knowledgeBase, file);
        ((BasicCommandStack) editingDomain.getCommandStack()).saveIsDone();
        announce.accept(KbEvents.MODEL_SAVED);
    }

    /** Runs the model's constraints over the whole knowledge base. */
    public Diagnostic validate() {
        return KnowledgeBaseValidation.validate(knowledgeBase);
    }

    public Optional<Partnership> partnership(String id) {
        return knowledgeBase.getPartnerships().stream().filter(p -> id.equals(p.getId())).findFirst();
    }

    public Optional<SourceDocument> documentByChecksum(String sha256) {
        return knowledgeBase.getDocuments().stream().filter(d -> sha256.equals(d.getChecksum())).findFirst();
    }

    void dispose() {
        adapterFactory.dispose();
    }
}
