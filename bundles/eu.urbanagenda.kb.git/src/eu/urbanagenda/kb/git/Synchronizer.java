package eu.urbanagenda.kb.git;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.transport.ChainingCredentialsProvider;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import eu.urbanagenda.kb.compare.ChangeDescription;
import eu.urbanagenda.kb.compare.MergePlan;
import eu.urbanagenda.kb.compare.ModelMerge;
import eu.urbanagenda.kb.compare.Side;
import eu.urbanagenda.kb.git.internal.ExternalSsh;
import eu.urbanagenda.kb.git.internal.GitProblems;
import eu.urbanagenda.kb.git.internal.RepositoryLock;
import eu.urbanagenda.kb.model.KnowledgeBase;

/**
 * Synchronizes a copy of the knowledge base with the shared repository: fetch, merge at the level of the model, push.
 * Their changes come into the knowledge base open here through the caller ({@link Merger}): as one command on its
 * command stack, then a save, which records the merge. When the shared repository changed meanwhile (the push is
 * refused as not a fast-forward), it fetches and merges again.
 * <p>
 * Nothing of this copy changes before every conflict has a chosen side and the result validates; a process killed at any
 * point leaves a repository that the next synchronization (or opening it) completes: the state of a merge under way is
 * kept as Git keeps it ({@code MERGE_HEAD}) and {@link KnowledgeBaseRepository} completes or forgets it.
 */
public final class Synchronizer {

    /** How long to wait for a silent server, in seconds. */
    static final int TIMEOUT_SECONDS = 30;
    private static final int ATTEMPTS = 4;

    /** What the caller does with their changes. */
    public interface Merger {

        /**
         * Chooses a side in every conflict of the plan ({@link SyncPlan#hasConflicts()}).
         *
         * @return the side per conflict id (a conflict not named keeps mine), or {@code null} to stop without changing
         *         anything
         */
        Map<String, Side> decide(SyncPlan plan) throws IOException;

        /**
         * Applies the merge to the knowledge base open here (it has the content of {@code plan.local()}) and saves it;
         * the save records the merge ({@link KnowledgeBaseRepository#record}).
         */
        void apply(SyncPlan plan, Map<String, Side> choices) throws IOException;
    }

    private final KnowledgeBaseRepository repository;
    private final CredentialsProvider credentials;

    /**
     * @param credentials asked for user names and passwords when the shared repository wants them (may be {@code null})
     */
    public Synchronizer(KnowledgeBaseRepository repository, CredentialsProvider credentials) {
        this.repository = repository;
        this.credentials = credentials;
    }

    /**
     * Synchronizes.
     *
     * @param url the shared repository (a path, file://, ssh://, https://…), remembered for the next time without its
     *            password; {@code null}: the one remembered
     * @throws SyncException naming the repository and the problem: unreachable, credentials refused, changes refused, a
     *                       merge that cannot be valid
     */
    public SyncReport run(String url, Merger merger, IProgressMonitor monitor) throws IOException {
        return RepositoryLock.syncing(repository.dataDirectory(), () -> runAlone(url, merger, monitor));
    }

    private SyncReport runAlone(String url, Merger merger, IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, 10 * ATTEMPTS + 1);
        CredentialsProvider asked = withCredentialsOf(url);
        String address = url == null ? repository.remoteUrl().orElseThrow(() -> new SyncException(SyncException.Kind.NO_REMOTE,
                "no shared repository is set for " + repository.dataDirectory() + " yet: give its address (kb sync --remote URL)", null))
                : remember(url);
        if (repository.hasUnrecordedChanges()) {
            repository.record(List.of());
        }
        progress.worked(1);
        SyncPlan plan = null;
        List<ChangeDescription> taken = new ArrayList<>();
        int sent = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            checkCancelled(progress);
            progress.subTask("Fetching from " + address);
            fetch(address, asked, progress.split(4));
            plan = plan(address);
            switch (plan.kind()) {
            case UP_TO_DATE -> {
                return new SyncReport(plan, taken, sent, false);
            }
            case PUSH -> {
                // nothing to take
            }
            default -> {
                Map<String, Side> choices = Map.of();
                if (plan.hasConflicts()) {
                    choices = merger.decide(plan);
                    if (choices == null) {
                        return new SyncReport(plan, taken, sent, true);
                    }
                }
                List<String> problems = plan.merge().check(choices);
                if (!problems.isEmpty()) {
                    throw new SyncException(SyncException.Kind.INVALID, "the changes from " + address
                            + " cannot be merged into a valid knowledge base as chosen: " + String.join("; ", problems)
                            + " (nothing was changed)", null);
                }
                checkCancelled(progress);
                progress.subTask("Merging the changes from " + address);
                begin(plan);
                try {
                    merger.apply(plan, choices);
                } catch (IOException | RuntimeException e) {
                    forget();
                    throw e;
                }
                if (!includes(repository.head(), plan.remote())) {
                    forget();
                    throw new SyncException(SyncException.Kind.OTHER, "the merge of the changes from " + address
                            + " was not recorded in the history; synchronize again", null);
                }
                taken.addAll(plan.merge().mergedInWords());
                addChosen(plan, choices, taken);
            }
            }
            progress.worked(1);
            if (repository.head().id().equals(plan.remote() == null ? null : plan.remote().id())) {
                return new SyncReport(plan, taken, sent, false);
            }
            progress.subTask("Sending to " + address);
            int toSend = countAhead();
            if (push(address, asked, progress.split(4))) {
                return new SyncReport(plan, taken, sent + toSend, false);
            }
            // the shared repository moved on meanwhile: fetch and merge again
        }
        throw new SyncException(SyncException.Kind.REJECTED, "the shared repository " + address
                + " changed again at every attempt while synchronizing; synchronize once more", null);
    }

    private static void checkCancelled(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    private static void addChosen(SyncPlan plan, Map<String, Side> choices, List<ChangeDescription> taken) {
        for (var conflict : plan.merge().conflicts()) {
            if (choices.getOrDefault(conflict.id(), Side.MINE) == Side.THEIRS) {
                taken.add(new ChangeDescription(conflict.theirChanges().isEmpty() ? null : conflict.theirChanges().get(0),
                        conflict.subjectId(), conflict.subject(), conflict.what() + ": " + conflict.theirs(), ""));
            }
        }
    }

    /** Remembers the address (without a password) as the shared repository; returns it as remembered. */
    private String remember(String url) throws IOException {
        String address = GitProblems.withoutPassword(url.strip());
        try {
            new URIish(address);
        } catch (URISyntaxException e) {
            throw new SyncException(SyncException.Kind.UNREACHABLE, "'" + address + "' is not an address of a repository", e);
        }
        RepositoryLock.holding(repository.dataDirectory(), () -> {
            StoredConfig config = repository.repository().getConfig();
            config.setString("remote", KnowledgeBaseRepository.REMOTE, "url", address);
            config.setString("remote", KnowledgeBaseRepository.REMOTE, "fetch",
                    "+" + Constants.R_HEADS + "*:" + Constants.R_REMOTES + KnowledgeBaseRepository.REMOTE + "/*");
            config.setString("branch", KnowledgeBaseRepository.BRANCH, "remote", KnowledgeBaseRepository.REMOTE);
            config.setString("branch", KnowledgeBaseRepository.BRANCH, "merge", Constants.R_HEADS + KnowledgeBaseRepository.BRANCH);
            config.save();
            return null;
        });
        return address;
    }

    /** The user name and password a URL carries (used for this run, never stored), before the caller's provider. */
    private CredentialsProvider withCredentialsOf(String url) {
        if (url != null) {
            try {
                URIish uri = new URIish(url.strip());
                if (uri.getUser() != null && uri.getPass() != null) {
                    CredentialsProvider given = new UsernamePasswordCredentialsProvider(uri.getUser(), uri.getPass());
                    return credentials == null ? given : new ChainingCredentialsProvider(given, credentials);
                }
            } catch (URISyntaxException e) {
                // said when it is remembered
            }
        }
        return credentials;
    }

    private static <C extends TransportCommand<C, ?>> C configure(C command, CredentialsProvider asked) {
        command.setCredentialsProvider(asked);
        command.setTimeout(TIMEOUT_SECONDS);
        command.setTransportConfigCallback(transport -> {
            if (transport instanceof SshTransport ssh) {
                ssh.setSshSessionFactory(ExternalSsh.INSTANCE);
            }
        });
        return command;
    }

    private void fetch(String address, CredentialsProvider asked, IProgressMonitor monitor) throws IOException {
        try {
            // all branches: a shared repository that is still empty has none, and that is no error (the first push starts it)
            configure(repository.git().fetch(), asked).setRemote(KnowledgeBaseRepository.REMOTE)
                    .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + "*:" + Constants.R_REMOTES + KnowledgeBaseRepository.REMOTE + "/*"))
                    .setRemoveDeletedRefs(true)
                    .setProgressMonitor(new MonitorAdapter(monitor)).call();
        } catch (GitAPIException | RuntimeException e) {
            throw problem("cannot fetch from", address, e);
        } finally {
            monitor.done();
        }
    }

    /** True when pushed (or nothing to push); false when refused as not a fast-forward (the shared repository moved on). */
    private boolean push(String address, CredentialsProvider asked, IProgressMonitor monitor) throws IOException {
        Iterable<PushResult> results;
        try {
            results = configure(repository.git().push(), asked).setRemote(KnowledgeBaseRepository.REMOTE)
                    .setRefSpecs(new RefSpec(Constants.R_HEADS + KnowledgeBaseRepository.BRANCH + ":" + Constants.R_HEADS
                            + KnowledgeBaseRepository.BRANCH))
                    .setProgressMonitor(new MonitorAdapter(monitor)).call();
        } catch (GitAPIException | RuntimeException e) {
            throw problem("cannot send the changes to", address, e);
        } finally {
            monitor.done();
        }
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                switch (update.getStatus()) {
                case OK, UP_TO_DATE -> {
                    // done
                }
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                    return false;
                }
                default -> {
                    String why = update.getMessage() == null ? "" : update.getMessage();
                    String said = result.getMessages() == null ? "" : result.getMessages().strip().replace('\n', ' ');
                    throw new SyncException(SyncException.Kind.REJECTED, "the shared repository " + address + " refused the changes"
                            + (why.isBlank() ? "" : ": " + why) + (said.isBlank() ? "" : " (it said: " + said + ")")
                            + "; they are kept here", null);
                }
                }
            }
        }
        return true;
    }

    private static SyncException problem(String doing, String address, Throwable e) {
        GitProblems.Kind kind = GitProblems.kind(e);
        return switch (kind) {
        case CREDENTIALS -> new SyncException(SyncException.Kind.CREDENTIALS, "the shared repository " + address
                + " did not accept the credentials (check the user name and the password or token; see 'kb sync --help')", e);
        case UNREACHABLE -> new SyncException(SyncException.Kind.UNREACHABLE, "cannot reach the shared repository " + address
                + ": " + GitProblems.describe(e), e);
        case REJECTED -> new SyncException(SyncException.Kind.REJECTED, "the shared repository " + address + " refused the changes: "
                + GitProblems.describe(e), e);
        case OTHER -> new SyncException(SyncException.Kind.OTHER, doing + " the shared repository " + address + ": " + GitProblems.describe(e), e);
        };
    }

    /** How this copy stands to the shared one, and the merge of their changes. */
    private SyncPlan plan(String address) throws IOException {
        Version local = repository.head();
        ObjectId remoteId = repository.remoteHead().orElse(null);
        if (remoteId == null) {
            return new SyncPlan(SyncPlan.Kind.PUSH, address, local, null, null, null);
        }
        Version remote = repository.version(remoteId);
        if (remote.id().equals(local.id())) {
            return new SyncPlan(SyncPlan.Kind.UP_TO_DATE, address, local, remote, local, null);
        }
        try (RevWalk walk = new RevWalk(repository.repository())) {
            RevCommit here = walk.parseCommit(ObjectId.fromString(local.id()));
            RevCommit there = walk.parseCommit(remoteId);
            if (walk.isMergedInto(there, here)) {
                return new SyncPlan(SyncPlan.Kind.PUSH, address, local, remote, remote, null);
            }
            KnowledgeBase mine = repository.knowledgeBase(local);
            KnowledgeBase theirs = repository.knowledgeBase(remote);
            if (walk.isMergedInto(here, there)) {
                return new SyncPlan(SyncPlan.Kind.FAST_FORWARD, address, local, remote, local, ModelMerge.plan(mine, mine, theirs));
            }
            if (repository.isFirstVersion(here)) {
                return new SyncPlan(SyncPlan.Kind.ADOPT, address, local, remote, null, ModelMerge.plan(mine, mine, theirs));
            }
            walk.reset();
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(here));
            walk.markStart(walk.parseCommit(there));
            RevCommit common = walk.next();
            Version base = common == null ? null : KnowledgeBaseRepository.version(common);
            return new SyncPlan(SyncPlan.Kind.MERGE, address, local, remote, base,
                    ModelMerge.plan(base == null ? null : repository.knowledgeBase(base), mine, theirs));
        }
    }

    private boolean includes(Version head, Version remote) throws IOException {
        if (remote == null || head.id().equals(remote.id())) {
            return true;
        }
        try (RevWalk walk = new RevWalk(repository.repository())) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(remote.id())), walk.parseCommit(ObjectId.fromString(head.id())));
        }
    }

    /** How many versions of this copy the shared repository lacks. */
    private int countAhead() throws IOException {
        ObjectId remote = repository.remoteHead().orElse(null);
        try (RevWalk walk = new RevWalk(repository.repository())) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(repository.head().id())));
            if (remote != null) {
                walk.markUninteresting(walk.parseCommit(remote));
            }
            int count = 0;
            for (RevCommit ignored : walk) {
                count++;
            }
            return count;
        }
    }

    /** Notes the merge under way so that the save records it (and a killed process's next run completes or forgets it). */
    private void begin(SyncPlan plan) throws IOException {
        RepositoryLock.holding(repository.dataDirectory(), () -> {
            ObjectId remote = ObjectId.fromString(plan.remote().id());
            if (plan.kind() == SyncPlan.Kind.MERGE) {
                repository.repository().writeMergeHeads(List.of(remote));
                repository.repository().writeMergeCommitMsg(mergeMessage(repository, remote));
            } else {
                repository.writeState(KnowledgeBaseRepository.FAST_FORWARD, remote.name());
            }
            return null;
        });
    }

    private void forget() throws IOException {
        RepositoryLock.holding(repository.dataDirectory(), () -> {
            repository.writeState(KnowledgeBaseRepository.FAST_FORWARD, null);
            repository.repository().writeMergeHeads(null);
            repository.repository().writeMergeCommitMsg(null);
            return null;
        });
    }

    /** The message of a merge: whose changes came in, and the first lines of their versions. */
    static String mergeMessage(KnowledgeBaseRepository repository, ObjectId theirs) throws IOException {
        Set<String> authors = new LinkedHashSet<>();
        List<String> subjects = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository.repository())) {
            walk.markStart(walk.parseCommit(theirs));
            ObjectId head = repository.repository().resolve(Constants.HEAD);
            if (head != null) {
                walk.markUninteresting(walk.parseCommit(head));
            }
            for (RevCommit commit : walk) {
                if (commit.getParentCount() < 2 && !repository.isFirstVersion(commit)) {
                    authors.add(commit.getAuthorIdent().getName());
                    if (subjects.size() < 20) {
                        subjects.add("- " + commit.getShortMessage() + " (" + commit.getAuthorIdent().getName() + ")");
                    }
                }
            }
        }
        String subject = authors.isEmpty() ? "Synchronize with the shared knowledge base"
                : "Synchronize with the shared knowledge base: changes by " + String.join(", ", authors);
        return subjects.isEmpty() ? subject : subject + "\n\n" + String.join("\n", subjects);
    }

    /** JGit's progress into an Eclipse progress monitor (task names as sub-tasks, cancellation both ways). */
    private static final class MonitorAdapter implements ProgressMonitor {

        private final IProgressMonitor monitor;

        MonitorAdapter(IProgressMonitor monitor) {
            this.monitor = monitor;
        }

        @Override
        public void start(int totalTasks) {
            // sub-tasks are named as they begin
        }

        @Override
        public void beginTask(String title, int totalWork) {
            monitor.subTask(title);
        }

        @Override
        public void update(int completed) {
            // the share of the whole is given by the caller's split
        }

        @Override
        public void endTask() {
            // nothing to close
        }

        @Override
        public boolean isCancelled() {
            return monitor.isCanceled();
        }

        @Override
        public void showDuration(boolean enabled) {
            // not shown
        }
    }
}
