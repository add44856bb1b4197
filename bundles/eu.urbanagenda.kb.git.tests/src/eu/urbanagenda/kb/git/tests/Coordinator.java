package eu.urbanagenda.kb.git.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jgit.transport.CredentialsProvider;

import eu.urbanagenda.kb.compare.Side;
import eu.urbanagenda.kb.core.KbModel;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.git.Author;
import eu.urbanagenda.kb.git.SyncPlan;
import eu.urbanagenda.kb.git.SyncReport;
import eu.urbanagenda.kb.git.Synchronizer;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Partnership;

/** A coordinator's copy of the knowledge base: a data directory with its session, edited and saved as the editor does. */
final class Coordinator implements AutoCloseable {

    final String name;
    final Path data;
    private KbSession session;

    Coordinator(String name, Path data) throws IOException {
        this.name = name;
        this.data = data;
        open();
    }

    private void open() throws IOException {
        session = KbSession.open(data);
        session.history().setAuthor(new Author(name, name.toLowerCase(java.util.Locale.ROOT) + "@example.eu"));
    }

    /** Closes the session and opens the data directory again (as the next run of kb does). */
    Coordinator reopen() throws IOException {
        session.close();
        open();
        return this;
    }

    KbSession session() {
        return session;
    }

    KnowledgeBase kb() {
        return session.model().knowledgeBase();
    }

    Partnership partnership(String id) {
        return session.model().partnership(id).orElseThrow(() -> new AssertionError("no partnership " + id + " at " + name));
    }

    /** Executes the command the function makes (it must change something). */
    Coordinator edit(Function<EditingDomain, Command> edit) {
        Command command = edit.apply(session.model().editingDomain());
        if (command == null || !command.canExecute()) {
            throw new IllegalStateException("the edit changes nothing");
        }
        session.model().editingDomain().getCommandStack().execute(command);
        return this;
    }

    KbModel.Saved save() throws IOException {
        return session.model().save();
    }

    /** Synchronizes; in conflicts takes {@code side} everywhere, or stops when it is {@code null}. */
    SyncReport sync(String url, Side side) throws IOException {
        return sync(url, side, null);
    }

    SyncReport sync(String url, Side side, CredentialsProvider credentials) throws IOException {
        return new Synchronizer(session.history(), credentials).run(url, new Synchronizer.Merger() {
            @Override
            public Map<String, Side> decide(SyncPlan plan) {
                return side == null ? null : plan.merge().all(side);
            }

            @Override
            public void apply(SyncPlan plan, Map<String, Side> choices) throws IOException {
                session.model().takeMerge(plan.merge(), choices);
            }
        }, new NullProgressMonitor());
    }

    /** The knowledge base file's content. */
    String text() {
        try {
            return Files.readString(session.model().file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
