package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;

import eu.urbanagenda.kb.compare.MergePlan;
import eu.urbanagenda.kb.compare.Side;
import eu.urbanagenda.kb.git.KnowledgeBaseRepository;
import eu.urbanagenda.kb.git.Version;
import eu.urbanagenda.kb.ingest.IoProblems;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommandStack;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;
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
    private final Consumer<String> notice;
    private final KbSession.History history;
    private KnowledgeBase knowledgeBase;

    /** A save: the version it was recorded as in the history, or why it was not (the file is saved either way). */
    public record Saved(Optional<Version> version, Optional<String> historyProblem) {
    }

    private KbModel(Path file, Consumer<String> notice, Consumer<String> announce, KbSession.History history) {
        this.file = file;
        this.notice = notice;
        this.announce = announce;
        this.history = history;
        this.adapterFactory = KnowledgeBaseEditing.createAdapterFactory();
        this.editingDomain = KnowledgeBaseEditing.createEditingDomain(adapterFactory);
    }

    /**
     * Loads the knowledge base file, copying the bundled knowledge base there first when it is missing.
     *
     * @param notice   told what was set up on the user's behalf
     * @param announce told the topic of each {@link KbEvents} event the model gives (saved, reloaded)
     * @param history  the history each save is recorded in
     * @throws IOException naming the file and the problem, e.g. a
     *                     {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException} naming file, line and
     *                     problem when the file does not load cleanly (it is refused, and left as it is)
     */
    static KbModel open(Path file, Consumer<String> notice, Consumer<String> announce, KbSession.History history) throws IOException {
        try {
            if (!Files.exists(file) && BundledKnowledgeBase.copyIfMissing(file)) {
                notice.accept("Created the knowledge base " + file + " from the bundled one");
            }
        } catch (IOException e) {
            throw new IOException("cannot set up the knowledge base " + file + ": " + IoProblems.describe(e), e);
        }
        KbModel model = new KbModel(file, notice, announce, history);
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
     * marks the command stack's save point (see {@link KnowledgeBaseFiles#save}) and records the save as a version of the
     * history, by the labels of the commands since the last save. A save whose version cannot be recorded is a save all
     * the same (the next save records it): the problem is returned, and told as a notice.
     *
     * @throws IOException when the file cannot be saved (it is then unchanged)
     */
    public Saved save() throws IOException {
        KnowledgeBaseRepository repository = null;
        String problem = null;
        try {
            repository = history.open(); // before the file changes: a data directory without history keeps its last state
        } catch (IOException e) {
            problem = e.getMessage();
        }
        KnowledgeBaseFiles.save(knowledgeBase, file);
        CommandStack stack = editingDomain.getCommandStack();
        List<String> labels = stack instanceof KnowledgeBaseCommandStack ours ? ours.changesSinceSave() : List.of();
        ((BasicCommandStack) stack).saveIsDone();
        announce.accept(KbEvents.MODEL_SAVED);
        Optional<Version> version = Optional.empty();
        if (repository != null) {
            try {
                version = repository.record(labels);
            } catch (IOException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            notice.accept("Saved " + file + ", but " + problem);
        }
        return new Saved(version, Optional.ofNullable(problem));
    }

    /**
     * Takes the changes a synchronization brings ({@link eu.urbanagenda.kb.git.Synchronizer.Merger#apply}) as one
     * undoable command labelled "Synchronize", and saves, which records the merge in the history. Call it on the thread
     * that edits the model.
     *
     * @throws IOException when the merge cannot be saved or recorded (the synchronization then changes nothing there)
     */
    public Saved takeMerge(MergePlan plan, Map<String, Side> choices) throws IOException {
        Command merge = plan.command(knowledgeBase, choices, KnowledgeBaseCommands.label("synchronize"));
        editingDomain.getCommandStack().execute(merge);
        Saved saved = save();
        if (saved.historyProblem().isPresent()) {
            throw new IOException(saved.historyProblem().get());
        }
        return saved;
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
