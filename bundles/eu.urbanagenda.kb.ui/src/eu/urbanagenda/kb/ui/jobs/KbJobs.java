package eu.urbanagenda.kb.ui.jobs;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.statushandlers.StatusManager;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.SourceWatcher;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.internal.Messages;

/** Jobs of the workbench and the scheduling rule that keeps two index writers apart. */
public final class KbJobs {

    /** The family of every job that writes the index (first-use seeding, imports): join it to wait for them. */
    public static final Object INDEX_FAMILY = new Object();

    /**
     * Held by every job that writes the index: two of them never run at once in this workbench (another process
     * is kept out by the index's own lock, reported as {@link eu.urbanagenda.kb.index.IndexLockedException}).
     */
    public static final ISchedulingRule INDEX_WRITE = new ISchedulingRule() {
        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public String toString() {
            return "index write";
        }
    };

    private KbJobs() {
    }

    /** A job that writes the index: belongs to {@link #INDEX_FAMILY} and holds {@link #INDEX_WRITE}. */
    public abstract static class IndexJob extends Job {

        protected IndexJob(String name) {
            super(name);
            setRule(INDEX_WRITE);
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == INDEX_FAMILY;
        }
    }

    /**
     * First use (and after an index rebuild): indexes the bundled seed documents, in the background after the
     * window has opened. Does nothing when the index is already there.
     */
    public static Job ensureIndexed(KbSession session) {
        Job job = new IndexJob(Messages.Job_ensureIndexed) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    session.library().ensureIndexed(monitor);
                    return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (Exception e) {
                    // e.g. the index is locked by a `kb index` running meanwhile: say so, and search what is there
                    StatusManager.getManager().handle(ErrorMessages.error(e), StatusManager.SHOW | StatusManager.LOG);
                    return Status.OK_STATUS;
                }
            }
        };
        job.setSystem(false);
        job.setUser(false);
        job.schedule();
        return job;
    }

    /**
     * Watches the session's recorded sources while the workbench runs ({@link SourceWatcher}): what changes there is
     * indexed in a job that holds {@link #INDEX_WRITE}, so it never runs beside an import. What the watcher tells (how
     * much it watches, a limit reached, a source folder gone) goes to the workbench's log.
     *
     * @return the watching; close it when the session closes
     * @throws IOException if the system cannot watch files at all
     */
    public static Watching watchSources(KbSession session) throws IOException {
        AtomicReference<SourceWatcher> watcher = new AtomicReference<>();
        Job job = new IndexJob(Messages.Job_indexChanges) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SourceWatcher w = watcher.get();
                if (w != null) {
                    w.runPending(monitor);
                }
                return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
            }
        };
        job.setUser(false);
        job.setSystem(false); // shown in the progress area while it runs, as a build is
        job.setPriority(Job.DECORATE);
        ILog log = ILog.of(KbJobs.class);
        SourceWatcher started = SourceWatcher.start(session.library(), job::schedule, note -> {
            if (note.problem()) {
                log.warn(note.text());
            } else {
                log.info(note.text());
            }
        }, 0);
        watcher.set(started);
        return new Watching(started, job);
    }

    /**
     * The watching of a session's sources.
     *
     * @param watcher the watcher
     * @param job     the job that indexes what changed
     */
    public record Watching(SourceWatcher watcher, Job job) implements AutoCloseable {
        /** Stops watching; an indexing run in progress is cancelled (what it has done is kept). */
        @Override
        public void close() {
            watcher.close();
            job.cancel();
        }
    }
}